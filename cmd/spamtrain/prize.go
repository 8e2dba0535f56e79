package main

import "strings"

// Prize and gift claims: the chat, comment and text-message spam that tells
// its reader they won or may take something for free (a voucher, a phone, an
// airdrop of tokens, a game's currency) and sends them to a link to claim
// it; against it good-faith talk of prizes, contests, lotteries, refunds and
// the warnings about such messages, each linking to a reputable site of the
// language. Both sides share the words of winning and claiming, so that the
// link and the pitch around it tell them apart, not the word "won". Every
// line was written for this file in its language; none is copied from a
// corpus.

// prizeLines are one language's claim spam and good-faith prize talk.
type prizeLines struct {
	claim []string // a claim, before or after the link to claim it
	talk  []string // good-faith talk of a prize, before its source
}

var prizes = map[string]prizeLines{
	"en": {
		claim: []string{
			"Congratulations! Your number was drawn as this month's winner of a $500 shopping voucher. Claim it within 24 hours",
			"You have an unclaimed reward waiting in your account, confirm your details to receive it",
			"Free airdrop: 300 USDT for every new wallet, only the first 1000 users",
			"Spin the wheel and win a brand new phone, everyone gets a prize today",
			"Unlimited free coins and gems for the game, no survey, works on every phone",
			"We are giving away 50 gift cards to celebrate our anniversary, enter your email to get yours",
		},
		talk: []string{
			"The winners of this year's photo competition are listed on the organisers' page",
			"Police warn about messages saying you won a prize; their advice is here",
			"She received the award in 2019, according to",
			"The lottery results are published every Saturday on the official site",
			"If your flight was cancelled you can claim compensation, the rules are explained at",
		},
	},
	"de": {
		claim: []string{
			"Herzlichen Glückwunsch! Sie haben einen Einkaufsgutschein über 500 € gewonnen. Jetzt innerhalb von 24 Stunden einlösen",
			"Auf Ihrem Konto wartet eine Prämie, bestätigen Sie Ihre Daten, um sie zu erhalten",
			"Gratis Airdrop: 300 USDT für jede neue Wallet, nur für die ersten 1000 Nutzer",
			"Dreh am Glücksrad und gewinne ein neues Handy, heute gewinnt jeder",
		},
		talk: []string{
			"Die Gewinner des Fotowettbewerbs stehen auf der Seite der Veranstalter",
			"Die Polizei warnt vor Nachrichten über angebliche Gewinne, Hinweise hier",
			"Den Preis erhielt sie 2019, laut",
			"Bei Flugausfällen steht Ihnen eine Entschädigung zu, die Regeln erklärt",
		},
	},
	"fr": {
		claim: []string{
			"Félicitations ! Vous avez gagné un bon d'achat de 500 €. Réclamez-le dans les 24 heures",
			"Une récompense vous attend sur votre compte, confirmez vos informations pour la recevoir",
			"Airdrop gratuit : 300 USDT pour chaque nouveau portefeuille, réservé aux 1000 premiers",
			"Tournez la roue et gagnez un téléphone neuf, tout le monde gagne aujourd'hui",
		},
		talk: []string{
			"Les lauréats du concours photo sont annoncés sur le site des organisateurs",
			"La police met en garde contre les messages annonçant un gain, ses conseils ici",
			"Elle a reçu le prix en 2019, selon",
			"En cas de vol annulé, vous pouvez demander une indemnisation, les règles sont expliquées sur",
		},
	},
	"es": {
		claim: []string{
			"¡Felicidades! Has ganado un vale de compra de 500 €. Reclámalo en las próximas 24 horas",
			"Tienes una recompensa pendiente en tu cuenta, confirma tus datos para recibirla",
			"Airdrop gratis: 300 USDT por cada billetera nueva, solo para los primeros 1000 usuarios",
			"Gira la ruleta y gana un celular nuevo, hoy todos ganan",
		},
		talk: []string{
			"Los ganadores del concurso de fotografía están en la página de los organizadores",
			"La policía advierte sobre mensajes que anuncian premios falsos, sus consejos aquí",
			"Recibió el premio en 2019, según",
			"Si cancelan tu vuelo puedes reclamar una compensación, las normas se explican en",
		},
	},
	"pt": {
		claim: []string{
			"Parabéns! Você ganhou um vale-compras de R$ 500. Resgate em até 24 horas",
			"Há uma recompensa pendente na sua conta, confirme seus dados para receber",
			"Airdrop grátis: 300 USDT para cada carteira nova, só para os primeiros 1000 usuários",
			"Gire a roleta e ganhe um celular novo, hoje todo mundo ganha",
		},
		talk: []string{
			"Os vencedores do concurso de fotografia estão na página dos organizadores",
			"A polícia alerta para mensagens de prêmios falsos, as orientações estão aqui",
			"Ela recebeu o prêmio em 2019, segundo",
		},
	},
	"it": {
		claim: []string{
			"Congratulazioni! Hai vinto un buono acquisto da 500 €. Riscattalo entro 24 ore",
			"Sul tuo conto c'è un premio in attesa, conferma i tuoi dati per riceverlo",
			"Airdrop gratuito: 300 USDT per ogni nuovo wallet, solo per i primi 1000 utenti",
			"Gira la ruota e vinci uno smartphone nuovo, oggi vincono tutti",
		},
		talk: []string{
			"I vincitori del concorso fotografico sono pubblicati sul sito degli organizzatori",
			"La polizia avverte dei messaggi che annunciano vincite false, i consigli qui",
			"Ha ricevuto il premio nel 2019, secondo",
		},
	},
	"ru": {
		claim: []string{
			"Поздравляем! Вы выиграли сертификат на 50 000 ₽. Заберите его в течение 24 часов",
			"На вашем счёте ожидает выплата, подтвердите данные, чтобы получить её",
			"Бесплатный аирдроп: 300 USDT каждому новому кошельку, только первым 1000 участникам",
			"Крути колесо и выиграй новый телефон, сегодня приз получает каждый",
			"Бесплатные алмазы и монеты для игры без доната, работает на любом телефоне",
		},
		talk: []string{
			"Победители фотоконкурса опубликованы на странице организаторов",
			"Полиция предупреждает о сообщениях о якобы выигранных призах, советы здесь",
			"Премию она получила в 2019 году, по данным",
			"При отмене рейса можно потребовать компенсацию, правила описаны на",
		},
	},
	"zh": {
		claim: []string{
			"恭喜！您被抽中获得500元购物券，请在24小时内领取",
			"您的账户有一笔待领取的奖励，确认信息即可到账",
			"免费空投：每个新钱包送300 USDT，仅限前1000名",
			"转动幸运大转盘赢取新手机，今天人人有奖",
		},
		talk: []string{
			"摄影比赛的获奖名单已在主办方网站公布",
			"警方提醒：谎称中奖的短信是诈骗，详情见",
			"她于2019年获得该奖项，据",
		},
	},
	"ja": {
		claim: []string{
			"おめでとうございます！5万円分のギフト券に当選しました。24時間以内に受け取ってください",
			"お客様のアカウントに未受取の特典があります。情報を確認して受け取ってください",
			"無料エアドロップ：新規ウォレットに300 USDT、先着1000名様",
			"ルーレットを回して新しいスマホを当てよう、今日は全員当選",
		},
		talk: []string{
			"写真コンテストの受賞者は主催者のページで発表されています",
			"当選をうたうメッセージに警察が注意を呼びかけています。詳しくは",
			"彼女は2019年にこの賞を受賞した。出典：",
		},
	},
	"ar": {
		claim: []string{
			"مبروك! لقد ربحت قسيمة شراء بقيمة 500 دولار، استلمها خلال 24 ساعة",
			"لديك مكافأة لم تستلمها في حسابك، أكد بياناتك لتحصل عليها",
			"إيردروب مجاني: 300 USDT لكل محفظة جديدة، لأول 1000 مستخدم فقط",
			"أدر العجلة واربح هاتفا جديدا، الجميع يربح اليوم",
		},
		talk: []string{
			"أسماء الفائزين في مسابقة التصوير منشورة على موقع المنظمين",
			"الشرطة تحذر من رسائل الجوائز الوهمية، النصائح هنا",
			"حصلت على الجائزة عام 2019 بحسب",
		},
	},
	"vi": {
		claim: []string{
			"Chúc mừng! Bạn đã trúng phiếu mua hàng 5 triệu đồng, nhận thưởng trong 24 giờ",
			"Tài khoản của bạn có phần thưởng chưa nhận, xác nhận thông tin để nhận ngay",
			"Airdrop miễn phí: 300 USDT cho mỗi ví mới, chỉ dành cho 1000 người đầu tiên",
			"Quay vòng may mắn trúng điện thoại mới, hôm nay ai cũng có quà",
		},
		talk: []string{
			"Danh sách đoạt giải cuộc thi ảnh đã được công bố trên trang của ban tổ chức",
			"Công an cảnh báo tin nhắn báo trúng thưởng giả, hướng dẫn ở đây",
			"Bà nhận giải thưởng này năm 2019, theo",
		},
	},
	"tr": {
		claim: []string{
			"Tebrikler! 5000 TL değerinde alışveriş çeki kazandınız, 24 saat içinde teslim alın",
			"Hesabınızda bekleyen bir ödül var, almak için bilgilerinizi onaylayın",
			"Ücretsiz airdrop: her yeni cüzdana 300 USDT, sadece ilk 1000 kişiye",
			"Çarkı çevir, yeni telefon kazan, bugün herkes kazanıyor",
		},
		talk: []string{
			"Fotoğraf yarışmasının kazananları düzenleyicilerin sayfasında açıklandı",
			"Polis sahte ödül mesajlarına karşı uyarıyor, ayrıntılar burada",
			"Ödülü 2019 yılında aldı, kaynak:",
		},
	},
	"pl": {
		claim: []string{
			"Gratulacje! Wygrałeś bon zakupowy o wartości 2000 zł, odbierz go w ciągu 24 godzin",
			"Na Twoim koncie czeka nagroda, potwierdź dane, aby ją otrzymać",
			"Darmowy airdrop: 300 USDT dla każdego nowego portfela, tylko dla pierwszych 1000 osób",
			"Zakręć kołem i wygraj nowy telefon, dziś każdy wygrywa",
		},
		talk: []string{
			"Laureaci konkursu fotograficznego są na stronie organizatorów",
			"Policja ostrzega przed wiadomościami o rzekomych wygranych, porady tutaj",
			"Nagrodę otrzymała w 2019 roku, według",
		},
	},
	"nl": {
		claim: []string{
			"Gefeliciteerd! Je hebt een cadeaubon van 500 euro gewonnen, claim hem binnen 24 uur",
			"Er staat een beloning klaar op je account, bevestig je gegevens om hem te ontvangen",
			"Gratis airdrop: 300 USDT voor elke nieuwe wallet, alleen voor de eerste 1000 gebruikers",
			"Draai aan het rad en win een nieuwe telefoon, vandaag wint iedereen",
		},
		talk: []string{
			"De winnaars van de fotowedstrijd staan op de site van de organisatie",
			"De politie waarschuwt voor berichten over nepprijzen, tips staan hier",
			"Ze ontving de prijs in 2019, volgens",
		},
	},
	"id": {
		claim: []string{
			"Selamat! Anda memenangkan voucher belanja 5 juta rupiah, klaim dalam 24 jam",
			"Ada hadiah yang belum diambil di akun Anda, konfirmasi data untuk menerimanya",
			"Airdrop gratis: 300 USDT untuk setiap dompet baru, hanya untuk 1000 pengguna pertama",
			"Putar roda keberuntungan dan menangkan HP baru, hari ini semua dapat hadiah",
		},
		talk: []string{
			"Pemenang lomba foto diumumkan di situs panitia",
			"Polisi mengingatkan soal pesan hadiah palsu, panduannya di sini",
			"Ia menerima penghargaan itu pada 2019, menurut",
		},
	},
	"ko": {
		claim: []string{
			"축하합니다! 50만원 상품권에 당첨되셨습니다. 24시간 안에 받아가세요",
			"계정에 아직 받지 않은 보상이 있습니다. 정보를 확인하고 받으세요",
			"무료 에어드랍: 새 지갑마다 300 USDT, 선착순 1000명",
			"룰렛을 돌리고 새 휴대폰을 받으세요, 오늘은 모두 당첨",
		},
		talk: []string{
			"사진 공모전 수상자는 주최 측 홈페이지에 발표되었습니다",
			"경찰이 가짜 당첨 문자에 주의를 당부했습니다. 자세한 내용은",
			"그녀는 2019년에 이 상을 받았다. 출처:",
		},
	},
}

// prizeOf returns language l's prize lines, English where it has none.
func prizeOf(code string) prizeLines {
	if p, ok := prizes[code]; ok {
		return p
	}
	return prizes["en"]
}

// prizeSpam is a claim and the link to claim it: a throwaway URL with a
// claiming path, a shortener or a bare domain, after the claim, before it
// or on a line of its own.
func (a *augmenter) prizeSpam(l *lang) string {
	ls := prizeOf(l.code).claim
	if a.r.IntN(6) == 0 {
		ls = prizes["en"].claim
	}
	s := a.pick(ls)
	var u string
	switch a.r.IntN(5) {
	case 0:
		u = a.pick([]string{"https://", "http://", ""}) + a.spamDomain(l) + "/" + a.pick([]string{"claim", "gift", "reward", "win", "bonus", "airdrop", "prize", "free"}) +
			a.pick([]string{"", "?id=" + referralCode(a.r.Uint32()), "/" + referralCode(a.r.Uint32())})
	case 1:
		u = a.pick([]string{"bit.ly/", "cutt.ly/", "tinyurl.com/", "rb.gy/", "is.gd/"}) + referralCode(a.r.Uint32())
	case 2:
		// A bare domain; an internationalised one with its scheme, as
		// the model finds no bare IDN.
		u = a.spamDomain(l)
		if strings.ContainsFunc(u, func(r rune) bool { return r > 127 }) {
			u = "http://" + u
		}
	default:
		u = a.spamURL(l)
	}
	switch a.r.IntN(4) {
	case 0:
		return u + " " + s
	case 1:
		return s + "\n" + u
	default:
		return s + a.pick([]string{" ", ": ", " 👉 ", " 🎁 ", " >> ", "! "}) + u
	}
}

// prizeHam is good-faith talk of a prize with its source on a reputable
// site of the language.
func (a *augmenter) prizeHam(l *lang) string {
	s := a.pick(prizeOf(l.code).talk)
	u := a.hamURL(l)
	if strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：") {
		return s + " " + u
	}
	return s + a.pick([]string{" ", ": ", " - "}) + u + a.pick([]string{"", "", "."})
}

// referralCode is a short code of letters and digits made from n.
func referralCode(n uint32) string {
	const abc = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 0, 7)
	for i := 0; i < 7; i++ {
		b = append(b, abc[n%uint32(len(abc))])
		n /= uint32(len(abc))
		if n == 0 {
			n = uint32(i+1) * 2654435761
		}
	}
	return string(b)
}
