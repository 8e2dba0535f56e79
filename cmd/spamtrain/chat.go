package main

import (
	"fmt"
	"strings"
)

// Short chat and comment spam (Telegram groups, video comments, forum
// replies) and the chatty good-faith comments with links it must be told
// apart from. Every line was written for this file; none is copied from a
// corpus. "%s" is a product slot where a line has one.

// chatSpam are short spam lines that precede a contact or a link.
var chatSpam = map[string][]string{
	"en": {
		"Check my channel 👉", "DM me on telegram for investment tips", "Free crypto signals every day, join now",
		"I earn 2k a week with %s, ask me how", "Who wants free followers? link in my bio", "GIVEAWAY 🎁 1000 USDT to 50 winners, register here",
		"Hot singles in your area 😘", "Lonely tonight? chat with me", "Best %s here", "Sub to my channel guys!!",
		"Legit platform, 30% weekly returns, message the account manager", "Pump signal in 10 min, join fast 🚀",
		"Need %s? Text me", "made $800 today from my phone, no joke", "Get 10k views on your video for $5",
		"watch the full video here", "my private pics are here 🔞", "Thank you Mrs Anna for the profit, contact her",
	},
	"de": {
		"Schau auf meinem Kanal vorbei 👉", "Schreib mir auf Telegram wegen Investment", "Kostenlose Krypto-Signale jeden Tag",
		"Ich verdiene 2000 € pro Woche mit %s, frag mich", "Gewinnspiel! 500 € für die ersten 20, hier anmelden", "Einsam heute Abend? Schreib mir 😘",
		"Günstige %s hier", "Seriöser Nebenverdienst von zu Hause, melde dich",
	},
	"fr": {
		"Abonnez-vous à ma chaîne 👉", "Contactez-moi sur Telegram pour investir", "Signaux crypto gratuits chaque jour",
		"Je gagne 2000 € par semaine avec %s, demandez-moi", "Concours ! 500 € à gagner, inscription ici", "Célibataires près de chez vous 😘",
		"Les meilleurs %s ici", "Revenu passif garanti, écrivez-moi",
	},
	"es": {
		"Suscríbete a mi canal 👉", "Escríbeme por Telegram para invertir", "Señales cripto gratis todos los días",
		"Gano 2000 dólares a la semana con %s, pregúntame", "¡Sorteo! 500 USDT para 20 ganadores, regístrate aquí", "¿Solo esta noche? Chatea conmigo 😘",
		"Los mejores %s aquí", "Gana dinero desde casa, escríbeme",
	},
	"pt": {
		"Se inscreve no meu canal 👉", "Me chama no Telegram para investir", "Sinais de cripto grátis todo dia",
		"Ganho R$ 3000 por semana com %s, me pergunta", "Sorteio! 500 reais para 20 ganhadores, cadastre aqui", "Renda extra garantida, chama no zap",
		"Os melhores %s aqui",
	},
	"it": {
		"Iscriviti al mio canale 👉", "Scrivimi su Telegram per investire", "Segnali crypto gratis ogni giorno",
		"Guadagno 2000 € a settimana con %s, chiedimi come", "Giveaway! 500 € a 20 vincitori, registrati qui", "I migliori %s qui",
	},
	"ru": {
		"Заходи на мой канал 👉", "Пиши в телеграм, расскажу про инвестиции", "Бесплатные крипто сигналы каждый день",
		"Зарабатываю 50 000 ₽ в неделю на %s, пиши", "Розыгрыш! 1000 USDT для 50 победителей, регистрация тут", "Скучно вечером? Пиши мне 😘",
		"Лучшие %s тут", "Работа на дому, доход от 3000 руб в день, пиши в лс",
	},
	"zh": {
		"关注我的频道 👉", "加我电报了解投资", "每天免费币圈信号，马上加入", "我用%s一周赚了两万，私聊我",
		"抽奖！1000 USDT 送给50位幸运儿，点此注册", "寂寞吗？来聊天 😘", "最好的%s在这里", "日赚500元，手机就能做，加微信",
	},
	"ja": {
		"私のチャンネルを見てね 👉", "投資の話はテレグラムで", "毎日無料の仮想通貨シグナル", "%sで週に20万円稼いでます、聞いてね",
		"プレゼント企画！50名様に1万円、登録はこちら", "今夜さみしい？話そう 😘", "最高の%sはこちら", "スマホだけで副業、月30万円",
	},
	"ar": {
		"تابع قناتي 👉", "راسلني على تلغرام للاستثمار", "إشارات تداول مجانية كل يوم", "أربح 2000 دولار أسبوعيا مع %s، اسألني",
		"مسابقة! 500 دولار لعشرين فائزا، سجل هنا", "أفضل %s هنا", "ربح يومي مضمون من البيت، تواصل معي",
	},
	"vi": {
		"Ghé kênh của mình nhé 👉", "Nhắn telegram để được tư vấn đầu tư", "Tín hiệu crypto miễn phí mỗi ngày",
		"Mình kiếm 20 triệu một tuần nhờ %s, hỏi mình nhé", "Giveaway! 500 USDT cho 20 người, đăng ký tại đây", "%s tốt nhất ở đây",
		"Việc làm tại nhà, thu nhập 500k mỗi ngày, liên hệ zalo",
	},
	"tr": {
		"Kanalıma abone olun 👉", "Yatırım için telegramdan yaz", "Her gün ücretsiz kripto sinyalleri",
		"%s ile haftada 20 bin TL kazanıyorum, sor", "Çekiliş! 20 kişiye 500 USDT, buradan kayıt ol", "En iyi %s burada", "Evden para kazan, hemen yaz",
	},
	"pl": {
		"Zasubskrybuj mój kanał 👉", "Napisz na telegramie w sprawie inwestycji", "Darmowe sygnały krypto codziennie",
		"Zarabiam 5000 zł tygodniowo na %s, pytaj", "Konkurs! 500 zł dla 20 osób, rejestracja tutaj", "Najlepsze %s tutaj",
	},
	"nl": {
		"Abonneer op mijn kanaal 👉", "Stuur me een bericht op telegram over beleggen", "Elke dag gratis crypto signalen",
		"Ik verdien 2000 euro per week met %s, vraag me", "Winactie! 500 euro voor 20 winnaars, meld je hier aan", "De beste %s hier",
	},
	"id": {
		"Mampir ke channel aku ya 👉", "Chat telegram untuk info investasi", "Sinyal crypto gratis tiap hari",
		"Aku dapat 5 juta seminggu dari %s, tanya aku", "Giveaway! 500 ribu untuk 20 pemenang, daftar di sini", "Slot gacor hari ini, maxwin pasti",
		"%s terbaik di sini",
	},
	"ko": {
		"제 채널 구독해주세요 👉", "투자 문의는 텔레그램으로", "매일 무료 코인 시그널", "%s로 주 200만원 벌어요, 물어보세요",
		"이벤트! 20명에게 5만원, 여기서 신청", "최고의 %s 여기", "집에서 하는 부업, 일당 10만원",
	},
}

// chatHam are short good-faith comments with a link ("%u") or a handle:
// thanks, sources, docs, bug reports, prices and markets mentioned in
// passing, so that money, percentages and "crypto" alone are not spam.
var chatHam = map[string][]string{
	"en": {
		"Great video, here's the paper it's based on: %u", "Thanks! The docs are here: %u", "Same issue here, see %u",
		"Fixed in the latest release, changelog: %u", "Source for that claim: %u", "I wrote about this last year %u",
		"You can download it from the official site %u", "The recording of the talk is on %u", "Is this the same bug as %u?",
		"Bitcoin fell 5% today according to %u", "The price went up 20% to $35 last year, see %u", "Free PDF of the book: %u",
		"Limited edition, but the library has a copy: %u", "Join the meetup next week, details at %u", "@maria thanks, that fixed it: %u",
		"Check out the follow-up video, it answers this %u", "lol this reminds me of %u", "Subscribe to the mailing list for updates: %u",
	},
	"de": {"Tolles Video, hier ist die Studie dazu: %u", "Danke! Die Doku ist hier: %u", "Gleiches Problem, siehe %u", "Quelle: %u",
		"Der Preis ist um 20 % auf 35 € gestiegen, siehe %u", "Kostenloser Download auf der offiziellen Seite: %u"},
	"fr": {"Super vidéo, voici l'article : %u", "Merci ! La documentation est ici : %u", "Même problème, voir %u", "Source : %u",
		"Le prix a augmenté de 20 % à 35 €, voir %u", "Téléchargement gratuit sur le site officiel : %u"},
	"es": {"Buen video, aquí está el artículo: %u", "¡Gracias! La documentación está aquí: %u", "Mismo problema, mira %u", "Fuente: %u",
		"El precio subió un 20 % a 35 €, ver %u", "Descarga gratuita en la web oficial: %u"},
	"pt": {"Ótimo vídeo, aqui está o artigo: %u", "Obrigado! A documentação está aqui: %u", "Mesmo problema, veja %u", "Fonte: %u",
		"O preço subiu 20% para R$ 35, veja %u"},
	"it": {"Bel video, ecco l'articolo: %u", "Grazie! La documentazione è qui: %u", "Stesso problema, vedi %u", "Fonte: %u",
		"Il prezzo è salito del 20% a 35 €, vedi %u"},
	"ru": {"Отличное видео, вот статья: %u", "Спасибо! Документация тут: %u", "Та же проблема, см. %u", "Источник: %u",
		"Цена выросла на 20% до 350 ₽, см. %u", "Бесплатно скачать можно на официальном сайте: %u"},
	"zh": {"视频很好，论文在这里：%u", "谢谢！文档在这里：%u", "同样的问题，见 %u", "来源：%u", "价格上涨了20%，见 %u"},
	"ja": {"いい動画ですね、元の論文はこちら：%u", "ありがとう！ドキュメントはここ：%u", "同じ問題です、%u を参照", "出典：%u", "価格は20%上がりました、%u"},
	"ar": {"فيديو رائع، هذه هي الورقة: %u", "شكرا! التوثيق هنا: %u", "نفس المشكلة، انظر %u", "المصدر: %u", "ارتفع السعر بنسبة 20%، انظر %u"},
	"vi": {"Video hay, bài báo ở đây: %u", "Cảm ơn! Tài liệu ở đây: %u", "Mình cũng bị lỗi này, xem %u", "Nguồn: %u", "Giá tăng 20%, xem %u"},
	"tr": {"Güzel video, makale burada: %u", "Teşekkürler! Belgeler burada: %u", "Aynı sorun, bkz. %u", "Kaynak: %u", "Fiyat %20 arttı, bkz. %u"},
	"pl": {"Świetny film, artykuł jest tutaj: %u", "Dzięki! Dokumentacja jest tu: %u", "Ten sam problem, zob. %u", "Źródło: %u", "Cena wzrosła o 20%, zob. %u"},
	"nl": {"Mooie video, het artikel staat hier: %u", "Bedankt! De documentatie staat hier: %u", "Zelfde probleem, zie %u", "Bron: %u", "De prijs steeg met 20%, zie %u"},
	"id": {"Videonya bagus, ini makalahnya: %u", "Makasih! Dokumentasinya di sini: %u", "Masalah yang sama, lihat %u", "Sumber: %u", "Harganya naik 20%, lihat %u"},
	"ko": {"좋은 영상이네요, 논문은 여기: %u", "감사합니다! 문서는 여기: %u", "같은 문제입니다, %u 참고", "출처: %u", "가격이 20% 올랐어요, %u 참고"},
}

// chatLink is the contact a chat spam line points at.
func (a *augmenter) chatLink(l *lang) string {
	switch a.r.IntN(8) {
	case 0, 1:
		return a.handle(l)
	case 2:
		return "https://t.me/" + a.pick(l.domainWords) + a.pick([]string{"_signals", "_vip", "_club", "group", "_official"})
	case 3:
		return fmt.Sprintf("wa.me/%d%d", 1+a.r.IntN(98), 100000000+a.r.IntN(899999999))
	case 4:
		return a.pick([]string{"bit.ly/", "cutt.ly/", "tinyurl.com/", "rb.gy/"}) + fmt.Sprintf("%x", a.r.Uint32())
	case 5:
		return a.spamDomain(l)
	default:
		return a.spamURL(l)
	}
}

// chatSpamText is a short chat or comment spam.
func (a *augmenter) chatSpamText(l *lang) string {
	ls := chatSpam[l.code]
	if ls == nil || a.r.IntN(6) == 0 {
		ls = chatSpam["en"]
	}
	s := fill(a.pick(ls), a.pick(l.products))
	switch a.r.IntN(4) {
	case 0:
		return s + " " + a.chatLink(l)
	case 1:
		return s + "\n" + a.chatLink(l)
	case 2:
		return a.chatLink(l) + " " + s
	default:
		return s + " " + a.pick([]string{"👉 ", "➡️ ", ">> ", ": ", "", "Telegram: ", "WhatsApp: "}) + a.chatLink(l)
	}
}

// chatHamURL is what a chatty comment links to: a reputable site of the
// language, a repository or issue, a video, a paper.
func (a *augmenter) chatHamURL(l *lang) string {
	switch a.r.IntN(6) {
	case 0:
		return fmt.Sprintf("https://github.com/%s/%s/issues/%d", a.pick([]string{"golang", "rust-lang", "kubernetes", "mozilla", "wikimedia", "nodebb"}),
			a.pick([]string{"go", "rust", "kubernetes", "pdf.js", "mediawiki", "NodeBB"}), 100+a.r.IntN(60000))
	case 1:
		return fmt.Sprintf("https://www.youtube.com/watch?v=%s", a.pick([]string{"xT4qLm0aR2c", "Pq7vN3wY8sE", "kD9fH2jL6mB", "a1B2c3D4e5F"}))
	case 2:
		return fmt.Sprintf("https://arxiv.org/abs/%d.%05d", 1500+a.r.IntN(900), a.r.IntN(99999))
	case 3:
		return "https://" + a.pick([]string{"en", l.code}) + ".wikipedia.org/wiki/" + a.pick([]string{"Bridge", "Census", "Bitcoin", "Inflation", "Python_(programming_language)"})
	default:
		return a.hamURL(l)
	}
}

// chatHamText is a short good-faith comment with a link.
func (a *augmenter) chatHamText(l *lang) string {
	ls := chatHam[l.code]
	if ls == nil || a.r.IntN(5) == 0 {
		ls = chatHam["en"]
	}
	s := strings.Replace(a.pick(ls), "%u", a.chatHamURL(l), 1)
	if a.r.IntN(3) == 0 {
		s = a.plainSentence(l) + " " + s
	}
	return s
}

// forumPost is a long forum spam post: several pitches, a testimonial, a
// banner image and links, as forum and e-mail spam are.
func (a *augmenter) forumPost(l *lang) string {
	var b strings.Builder
	n := 3 + a.r.IntN(4)
	for i := 0; i < n; i++ {
		b.WriteString(a.spamSentence(l))
		if a.r.IntN(3) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	u := a.spamURL(l)
	switch a.r.IntN(3) {
	case 0:
		b.WriteString("\n\n[![](" + u + "/banner.jpg)](" + u + ")")
	case 1:
		b.WriteString("\n\n[" + a.anchor(l) + "](" + u + ")")
	default:
		b.WriteString("\n\n" + u)
	}
	if a.r.IntN(2) == 0 {
		b.WriteString("\n" + a.pick(l.cta) + " " + a.chatLink(l))
	}
	return b.String()
}

// forumAnswer is a long good-faith forum answer: several sentences of the
// language and Markdown links to documentation or sources.
func (a *augmenter) forumAnswer(l *lang) string {
	var b strings.Builder
	n := 3 + a.r.IntN(4)
	for i := 0; i < n; i++ {
		if a.r.IntN(2) == 0 {
			b.WriteString(a.plainSentence(l))
		} else {
			b.WriteString(a.pick(l.ham))
		}
		if a.r.IntN(3) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	for i := 0; i < 1+a.r.IntN(3); i++ {
		u := a.chatHamURL(l)
		switch a.r.IntN(3) {
		case 0:
			b.WriteString("\n\n[" + a.pick(l.titles) + "](" + u + ")")
		case 1:
			b.WriteString("\n\n![](" + "https://i.imgur.com/" + fmt.Sprintf("%x", a.r.Uint32()) + ".png)")
		default:
			b.WriteString("\n" + u)
		}
	}
	return b.String()
}
