package main

import (
	"fmt"
	"strings"
)

// testimonials is whether the augmentation makes testimonial spam and
// person-shaped accounts, and the good-faith finance talk that shares their
// words (flag -testimonials, on by default; -testimonials=false gives the
// model before them). Without the finance talk the testimonials taught the
// model that three phrases of the earnings topic are spam, and a
// good-faith cryptocurrency forum post (detectors' cryptoForumInput) rose
// from p=0.78 to 0.89; with it the post scores about 0.53. Figures in
// TRAINING.md and in the commit that switched it on.
var testimonials = true

// Testimonial spam: a first-person story of gains (or of a cure, a debt
// paid off, a job found) thanking the "mentor", "account manager" or
// "doctor" whose account it promotes, named inside the story and again
// where it closes. The comment and forum spam of investment and recovery
// scams is mostly this, in every language; the corpora have it only in
// English comments (held out whole in fold D). Every line was written for
// this file; none is copied from a corpus. {a} is the sum put in, {b} the
// sum received, {n} a number of days.
var testimonies = map[string][]string{
	"en": {
		"I started with {a} and after {n} days I withdrew {b}, I still can't believe it.",
		"Honestly I was scared at first, everyone says it is a scam, but my first payout of {b} came in {n} days.",
		"After I lost my job I had nothing, a friend told me about her and now I earn {b} every week.",
		"She guided me step by step, I invested {a} and received {b} straight to my wallet.",
		"God bless you for what you did for my family, we are finally free of debt.",
	},
	"de": {
		"Ich habe mit {a} angefangen und nach {n} Tagen {b} ausgezahlt bekommen, ich kann es immer noch nicht glauben.",
		"Anfangs hatte ich Angst, alle sagen es ist Betrug, aber meine erste Auszahlung von {b} kam nach {n} Tagen.",
		"Nachdem ich meinen Job verloren hatte, hat mir eine Freundin von ihr erzählt, jetzt verdiene ich {b} pro Woche.",
		"Sie hat mich Schritt für Schritt begleitet, ich habe {a} investiert und {b} erhalten.",
	},
	"fr": {
		"J'ai commencé avec {a} et au bout de {n} jours j'ai retiré {b}, je n'y crois toujours pas.",
		"J'avais peur au début, tout le monde dit que c'est une arnaque, mais mon premier retrait de {b} est arrivé en {n} jours.",
		"Après avoir perdu mon travail, une amie m'a parlé d'elle et maintenant je gagne {b} par semaine.",
		"Elle m'a accompagné pas à pas, j'ai investi {a} et j'ai reçu {b} sur mon compte.",
	},
	"es": {
		"Empecé con {a} y a los {n} días retiré {b}, todavía no lo puedo creer.",
		"Al principio tenía miedo, todos dicen que es una estafa, pero mi primer pago de {b} llegó en {n} días.",
		"Después de perder mi trabajo una amiga me habló de ella y ahora gano {b} cada semana.",
		"Me guió paso a paso, invertí {a} y recibí {b} en mi cuenta.",
	},
	"pt": {
		"Comecei com {a} e depois de {n} dias saquei {b}, ainda não acredito.",
		"No começo eu tinha medo, todo mundo diz que é golpe, mas meu primeiro saque de {b} caiu em {n} dias.",
		"Depois que perdi o emprego uma amiga me falou dela e hoje ganho {b} por semana.",
		"Ela me orientou passo a passo, investi {a} e recebi {b} na minha conta.",
	},
	"it": {
		"Ho iniziato con {a} e dopo {n} giorni ho prelevato {b}, ancora non ci credo.",
		"All'inizio avevo paura, tutti dicono che è una truffa, ma il mio primo prelievo di {b} è arrivato in {n} giorni.",
		"Dopo aver perso il lavoro un'amica mi ha parlato di lei e ora guadagno {b} a settimana.",
		"Mi ha seguito passo dopo passo, ho investito {a} e ho ricevuto {b} sul conto.",
	},
	"ru": {
		"Начала с {a}, а через {n} дней вывела {b}, до сих пор не верю.",
		"Сначала боялся, все говорят что это развод, но первая выплата {b} пришла через {n} дней.",
		"После того как потеряла работу, подруга рассказала мне о ней, теперь зарабатываю {b} в неделю.",
		"Она вела меня шаг за шагом, я вложил {a} и получил {b} на карту.",
	},
	"zh": {
		"我一开始只投了{a}，{n}天后就提现了{b}，到现在还不敢相信。",
		"刚开始我也很害怕，大家都说是骗局，可是第一笔{b}{n}天就到账了。",
		"失业以后朋友介绍我认识了她，现在每周能赚{b}。",
		"老师一步一步带我操作，我投了{a}，收到了{b}。",
	},
	"ja": {
		"最初は{a}から始めて、{n}日後に{b}を出金できました。まだ信じられません。",
		"最初は詐欺だと思って怖かったけど、{n}日で初めて{b}が振り込まれました。",
		"仕事を失ったあと友人に紹介してもらい、今は毎週{b}稼いでいます。",
		"先生が一つ一つ教えてくれて、{a}投資して{b}受け取りました。",
	},
	"ar": {
		"بدأت بمبلغ {a} وبعد {n} أيام سحبت {b}، ما زلت لا أصدق.",
		"كنت خائفة في البداية، الجميع يقول إنها عملية احتيال، لكن أول دفعة {b} وصلت خلال {n} أيام.",
		"بعد أن فقدت عملي أخبرتني صديقة عنها والآن أربح {b} كل أسبوع.",
		"ساعدتني خطوة بخطوة، استثمرت {a} واستلمت {b} في حسابي.",
	},
	"vi": {
		"Mình bắt đầu với {a} và sau {n} ngày đã rút được {b}, đến giờ vẫn không tin nổi.",
		"Lúc đầu mình cũng sợ bị lừa, nhưng lần rút đầu tiên {b} về sau {n} ngày.",
		"Sau khi mất việc, bạn mình giới thiệu chị ấy và giờ mỗi tuần mình kiếm được {b}.",
		"Chị hướng dẫn từng bước, mình đầu tư {a} và nhận về {b}.",
	},
	"tr": {
		"{a} ile başladım ve {n} gün sonra {b} çektim, hâlâ inanamıyorum.",
		"Başta çok korktum, herkes dolandırıcılık diyor ama ilk ödemem {b} {n} günde geldi.",
		"İşimi kaybettikten sonra bir arkadaşım onu önerdi, şimdi haftada {b} kazanıyorum.",
		"Bana adım adım yol gösterdi, {a} yatırdım ve {b} aldım.",
	},
	"pl": {
		"Zaczęłam od {a}, a po {n} dniach wypłaciłam {b}, nadal nie mogę uwierzyć.",
		"Na początku się bałem, wszyscy mówią że to oszustwo, ale pierwsza wypłata {b} przyszła po {n} dniach.",
		"Po utracie pracy koleżanka mi o niej powiedziała i teraz zarabiam {b} tygodniowo.",
		"Prowadziła mnie krok po kroku, zainwestowałem {a} i dostałem {b}.",
	},
	"nl": {
		"Ik begon met {a} en na {n} dagen heb ik {b} opgenomen, ik kan het nog steeds niet geloven.",
		"In het begin was ik bang, iedereen zegt dat het oplichting is, maar mijn eerste uitbetaling van {b} kwam binnen {n} dagen.",
		"Nadat ik mijn baan kwijt was vertelde een vriendin me over haar en nu verdien ik {b} per week.",
		"Ze heeft me stap voor stap geholpen, ik investeerde {a} en kreeg {b} terug.",
	},
	"id": {
		"Saya mulai dengan {a} dan setelah {n} hari saya tarik {b}, masih belum percaya.",
		"Awalnya saya takut, semua bilang penipuan, tapi penarikan pertama {b} masuk dalam {n} hari.",
		"Setelah kehilangan pekerjaan, teman saya mengenalkan dia dan sekarang saya dapat {b} tiap minggu.",
		"Dia membimbing saya langkah demi langkah, saya investasi {a} dan menerima {b}.",
	},
	"ko": {
		"처음에 {a}로 시작했는데 {n}일 만에 {b}를 출금했어요. 아직도 믿기지 않아요.",
		"처음엔 사기인 줄 알고 무서웠는데 첫 출금 {b}가 {n}일 만에 들어왔어요.",
		"실직하고 친구 소개로 알게 됐는데 지금은 매주 {b}씩 벌고 있어요.",
		"선생님이 하나하나 알려주셔서 {a} 투자하고 {b} 받았습니다.",
	},
}

// testimonyThanks are the words that name the account inside the story, as
// a line of its own: thanks, "all thanks to", "contact".
var testimonyThanks = map[string][]string{
	"en": {"Thank you so much", "All thanks to", "I owe it all to", "Big thanks to"},
	"de": {"Vielen Dank an", "Alles dank", "Danke"},
	"fr": {"Merci beaucoup à", "Tout ça grâce à", "Merci"},
	"es": {"Muchas gracias a", "Todo gracias a", "Gracias"},
	"pt": {"Muito obrigada", "Tudo graças a", "Gratidão"},
	"it": {"Grazie mille a", "Tutto merito di", "Grazie"},
	"ru": {"Спасибо огромное", "Всё благодаря", "Благодарю"},
	"zh": {"非常感谢", "多亏了", "谢谢"},
	"ja": {"本当にありがとう", "全部", "感謝です"},
	"ar": {"شكرا جزيلا", "الفضل كله لـ", "شكرا"},
	"vi": {"Cảm ơn chị", "Tất cả nhờ", "Cảm ơn"},
	"tr": {"Çok teşekkürler", "Hepsi sayesinde", "Teşekkürler"},
	"pl": {"Dziękuję bardzo", "Wszystko dzięki", "Dzięki"},
	"nl": {"Heel erg bedankt", "Allemaal dankzij", "Dank je"},
	"id": {"Terima kasih banyak", "Semua berkat", "Makasih"},
	"ko": {"정말 감사합니다", "모두 덕분에", "감사해요"},
}

// amount writes a sum of money the way l's spam writes it: a sign or a
// code before or after the digits, thousands grouped or not.
func (a *augmenter) amount(l *lang, n int) string {
	digits := fmt.Sprint(n)
	if n >= 1000 && a.r.IntN(2) == 0 {
		sep := a.pick([]string{",", ".", " "})
		digits = fmt.Sprintf("%d%s%03d", n/1000, sep, n%1000)
	}
	switch l.code {
	case "en":
		return a.pick([]string{"$" + digits, "£" + digits, digits + " USD", digits + "usd", "$" + digits})
	case "de", "fr", "es", "it", "nl", "pt":
		return a.pick([]string{digits + " €", digits + "€", "€" + digits, digits + " euro", "$" + digits, digits + " USDT"})
	case "ru":
		return a.pick([]string{digits + " ₽", digits + " руб", digits + "$", digits + " USDT"})
	case "zh":
		return a.pick([]string{digits + "元", digits + " USDT", "¥" + digits})
	case "ja":
		return a.pick([]string{digits + "円", "¥" + digits, digits + " USDT"})
	case "ko":
		return a.pick([]string{digits + "원", "₩" + digits, digits + " USDT"})
	case "tr":
		return a.pick([]string{digits + " TL", digits + "₺", "$" + digits})
	case "pl":
		return a.pick([]string{digits + " zł", digits + " PLN", "$" + digits})
	case "vi":
		return a.pick([]string{digits + " đ", digits + " VND", "$" + digits, digits + " USDT"})
	case "id":
		return a.pick([]string{"Rp " + digits, "Rp" + digits, digits + " USDT"})
	}
	return a.pick([]string{"$" + digits, digits + " USD", digits + " USDT"})
}

// testimonySpam is a testimonial: one to three lines of the story, the
// account named after a line of thanks inside it and again (or a call to
// write) where it closes. Nil when l has no testimonies.
func (a *augmenter) testimonySpam(l *lang) (string, bool) {
	ts, ok := testimonies[l.code]
	if !ok {
		return "", false
	}
	h := a.personHandle(true)
	in := 1000 * (1 + a.r.IntN(9))
	if a.r.IntN(3) == 0 {
		in = 100 * (1 + a.r.IntN(9))
	}
	out := in * (3 + a.r.IntN(20))
	var lines []string
	for i := 0; i < 1+a.r.IntN(3); i++ {
		s := a.pick(ts)
		s = strings.NewReplacer("{a}", a.amount(l, in), "{b}", a.amount(l, out), "{n}", fmt.Sprint(2+a.r.IntN(12))).Replace(s)
		lines = append(lines, s)
	}
	thanks := a.pick(testimonyThanks[l.code]) + " " + h
	if a.r.IntN(4) == 0 {
		thanks += " " + a.pick([]string{"🙏", "❤️", "💯", "🙌🙌", "💰💰"})
	}
	lines = append(lines[:1], append([]string{thanks}, lines[1:]...)...)
	switch a.r.IntN(3) {
	case 0:
		lines = append(lines, h)
	case 1:
		lines = append(lines, a.pick(l.cta)+" "+h)
	}
	return strings.Join(lines, a.pick([]string{" ", " ", "\n"})), true
}

// financeTalk is good-faith talk about money and cryptocurrency, as a
// forum on the subject has it: keeping coins safe, fees and taxes on a
// withdrawal, warnings about the scams above, a loss or a plain saving
// plan, with sums in the language's currency forms. The testimonials
// above share its words (withdraw, wallet, invest, USDT) and its sums; what
// sets them apart is the promoted account, the gains multiplied and the
// thanks, not the subject. Every line was written for this file. {a} is a
// sum.
var financeTalk = map[string][]string{
	"en": {
		"Move your coins off the exchange to a hardware wallet, an exchange can freeze withdrawals any day.",
		"Anyone who messages you promising to double your bitcoin is a scammer. Report the account and never send crypto to a stranger.",
		"Does the exchange charge a fee to withdraw USDT to a bank account? I only want to take out {a}.",
		"I lost {a} in crypto in 2022 because I kept everything on one platform. Lesson learned: your keys, your coins.",
		"Gains on bitcoin are taxed as income here, the tax office explains how to declare a withdrawal.",
		"I put {a} a month into an index fund, no trading, no crypto. Boring, but it works over twenty years.",
	},
	"de": {
		"Lass die Coins nicht auf der Börse liegen, eine Hardware-Wallet ist sicherer, Auszahlungen können jederzeit gesperrt werden.",
		"Wer dir verspricht, deine Bitcoin zu verdoppeln, ist ein Betrüger. Konto melden und niemals Krypto an Fremde senden.",
		"Kostet die Auszahlung von USDT aufs Bankkonto eine Gebühr? Ich will nur {a} abheben.",
		"Ich habe 2022 {a} mit Krypto verloren, weil alles auf einer Plattform lag.",
		"Ich lege jeden Monat {a} in einen ETF an, kein Trading, keine Kryptowährung.",
	},
	"fr": {
		"Ne laisse pas tes cryptos sur la plateforme, un portefeuille matériel est plus sûr, les retraits peuvent être bloqués.",
		"Quelqu'un qui promet de doubler tes bitcoins est un escroc. Signale le compte et n'envoie jamais de crypto à un inconnu.",
		"Est-ce qu'il y a des frais pour un retrait de USDT vers un compte bancaire ? Je veux seulement retirer {a}.",
		"J'ai perdu {a} en crypto en 2022 parce que tout était sur une seule plateforme.",
		"Je mets {a} par mois dans un fonds indiciel, pas de trading, pas de crypto.",
	},
	"es": {
		"No dejes tus criptomonedas en el exchange, una billetera física es más segura y los retiros se pueden bloquear.",
		"Quien te promete duplicar tus bitcoins es un estafador. Denuncia la cuenta y nunca envíes cripto a desconocidos.",
		"¿El exchange cobra comisión por retirar USDT a una cuenta bancaria? Solo quiero sacar {a}.",
		"Perdí {a} en cripto en 2022 porque lo tenía todo en una sola plataforma.",
		"Invierto {a} al mes en un fondo indexado, sin trading y sin cripto.",
	},
	"pt": {
		"Não deixe suas moedas na corretora, uma carteira física é mais segura e o saque pode ser bloqueado.",
		"Quem promete dobrar seus bitcoins é golpista. Denuncie o perfil e nunca envie cripto para desconhecidos.",
		"A corretora cobra taxa para saque de USDT para conta bancária? Só quero sacar {a}.",
		"Perdi {a} em cripto em 2022 porque deixei tudo numa plataforma só.",
		"Coloco {a} por mês num fundo de índice, sem trade e sem cripto.",
	},
	"it": {
		"Non lasciare le crypto sull'exchange, un portafoglio hardware è più sicuro e i prelievi possono essere bloccati.",
		"Chi promette di raddoppiare i tuoi bitcoin è un truffatore. Segnala l'account e non inviare mai crypto a sconosciuti.",
		"L'exchange fa pagare una commissione per il prelievo di USDT sul conto? Voglio prelevare solo {a}.",
		"Nel 2022 ho perso {a} in crypto perché tenevo tutto su una sola piattaforma.",
	},
	"ru": {
		"Не храните монеты на бирже, аппаратный кошелёк надёжнее, вывод средств могут заморозить в любой момент.",
		"Кто обещает удвоить ваши биткоины, тот мошенник. Пожалуйтесь на аккаунт и никогда не отправляйте крипту незнакомым.",
		"Есть ли комиссия за вывод USDT на банковскую карту? Мне нужно вывести всего {a}.",
		"В 2022 году я потерял {a} на крипте, потому что всё держал на одной площадке.",
	},
	"zh": {
		"币不要放在交易所，用硬件钱包更安全，交易所随时可能冻结提现。",
		"凡是承诺把你的比特币翻倍的都是骗子，举报账号，千万不要给陌生人转币。",
		"从交易所提现USDT到银行卡要手续费吗？我只想提{a}。",
		"我2022年在币圈亏了{a}，因为所有的钱都放在一个平台上。",
	},
	"ja": {
		"コインを取引所に置きっぱなしにしないで、ハードウェアウォレットの方が安全です。出金が止められることもあります。",
		"ビットコインを倍にすると約束する人は詐欺師です。アカウントを通報して、知らない人に仮想通貨を送らないでください。",
		"USDTを銀行口座に出金するとき手数料はかかりますか？{a}だけ出金したいです。",
		"2022年に仮想通貨で{a}失いました。全部一つの取引所に置いていたからです。",
	},
	"ar": {
		"لا تترك عملاتك في منصة التداول، المحفظة الباردة أكثر أمانا، وقد يتم تجميد السحب في أي وقت.",
		"كل من يعدك بمضاعفة البيتكوين محتال. أبلغ عن الحساب ولا ترسل العملات الرقمية لشخص لا تعرفه.",
		"هل توجد رسوم على سحب USDT إلى الحساب البنكي؟ أريد سحب {a} فقط.",
		"خسرت {a} في العملات الرقمية عام 2022 لأنني وضعت كل شيء في منصة واحدة.",
	},
	"vi": {
		"Đừng để coin trên sàn, ví lạnh an toàn hơn, sàn có thể khóa rút tiền bất cứ lúc nào.",
		"Ai hứa nhân đôi bitcoin của bạn đều là lừa đảo. Hãy báo cáo tài khoản và đừng bao giờ chuyển tiền ảo cho người lạ.",
		"Rút USDT về tài khoản ngân hàng có mất phí không? Mình chỉ muốn rút {a}.",
		"Năm 2022 mình mất {a} vì đầu tư tiền ảo và để hết trên một sàn.",
	},
	"tr": {
		"Coinlerini borsada bırakma, donanım cüzdanı daha güvenli, borsa çekimleri her an dondurabilir.",
		"Bitcoinini ikiye katlamayı vaat eden herkes dolandırıcıdır. Hesabı şikayet et ve yabancılara asla kripto gönderme.",
		"USDT'yi banka hesabına çekerken komisyon var mı? Sadece {a} çekmek istiyorum.",
		"2022'de kripto yüzünden {a} kaybettim, çünkü her şey tek bir platformdaydı.",
	},
	"pl": {
		"Nie trzymaj monet na giełdzie, portfel sprzętowy jest bezpieczniejszy, giełda może zablokować wypłaty.",
		"Każdy, kto obiecuje podwoić twoje bitcoiny, to oszust. Zgłoś konto i nigdy nie wysyłaj kryptowalut obcym.",
		"Czy giełda pobiera opłatę za wypłatę USDT na konto bankowe? Chcę wypłacić tylko {a}.",
		"W 2022 straciłem {a} na kryptowalutach, bo wszystko trzymałem na jednej platformie.",
	},
	"nl": {
		"Laat je munten niet op de beurs staan, een hardware wallet is veiliger, opnames kunnen zomaar bevroren worden.",
		"Wie belooft je bitcoin te verdubbelen is een oplichter. Meld het account en stuur nooit crypto naar onbekenden.",
		"Rekent de beurs kosten voor het opnemen van USDT naar een bankrekening? Ik wil maar {a} opnemen.",
		"Ik ben in 2022 {a} aan crypto kwijtgeraakt omdat alles op één platform stond.",
	},
	"id": {
		"Jangan simpan koin di exchange, dompet hardware lebih aman, penarikan bisa dibekukan kapan saja.",
		"Siapa pun yang janji melipatgandakan bitcoin kamu itu penipu. Laporkan akunnya dan jangan pernah kirim kripto ke orang asing.",
		"Apakah ada biaya untuk tarik USDT ke rekening bank? Saya cuma mau tarik {a}.",
		"Tahun 2022 saya rugi {a} di kripto karena semua disimpan di satu platform.",
	},
	"ko": {
		"코인을 거래소에 두지 말고 하드웨어 지갑에 보관하세요. 거래소는 언제든 출금을 막을 수 있어요.",
		"비트코인을 두 배로 불려준다는 사람은 전부 사기꾼입니다. 계정을 신고하고 모르는 사람에게 코인을 보내지 마세요.",
		"USDT를 은행 계좌로 출금할 때 수수료가 있나요? {a}만 출금하려고 해요.",
		"2022년에 코인으로 {a}을 잃었어요. 전부 한 거래소에 넣어뒀거든요.",
	},
}

// financeHam is a good-faith post of a forum about money or
// cryptocurrency: one or two lines of financeTalk, often a source (a
// reference site, an encyclopedia, a regulator's page) and, in one post in
// three, a reply to a person by a handle of the testimonials' shapes
// without their trade word.
func (a *augmenter) financeHam(l *lang) string {
	ts, ok := financeTalk[l.code]
	if !ok || a.r.IntN(6) == 0 {
		ts = financeTalk["en"]
	}
	var lines []string
	for i := 0; i < 1+a.r.IntN(2); i++ {
		lines = append(lines, strings.ReplaceAll(a.pick(ts), "{a}", a.amount(l, 100*(1+a.r.IntN(50)))))
	}
	text := strings.Join(lines, a.pick([]string{" ", "\n"}))
	switch a.r.IntN(4) {
	case 0:
		text += " " + a.chatHamURL(l)
	case 1:
		text += " [" + a.pick(l.titles) + "](" + a.hamURL(l) + ")"
	case 2:
		text += "\n" + a.hamURL(l)
	}
	if a.r.IntN(3) == 0 {
		text = a.personHandle(false) + a.pick([]string{" ", ", ", ": "}) + text
	}
	return text
}
