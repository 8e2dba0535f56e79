package main

import (
	"fmt"
	"slices"
	"strings"
)

// Genres the corpora lack, each with its good-faith counterpart of the same
// shape: comments under videos that promote the writer's channel or page
// (against comments that share a video or an official page), Telegram-group
// spam offering jobs with daily pay or crypto signals (against chat that
// shares documentation or a real job advert), and promotional wiki drafts
// about a company or a person (against neutral articles about companies
// with their official website). Every line was written for this file in
// its language; none is copied from a corpus. "%n" is a name, "%u" a link.

// genreLines are one language's lines of these genres.
type genreLines struct {
	selfPromo []string // video-comment self-promotion, before or around a profile link
	tg        []string // Telegram-group spam, before a handle or a t.me link
	puffery   []string // sentences of a promotional draft about %n
	neutral   []string // sentences of a neutral article about the company %n
	share     []string // a good-faith comment sharing the video or post %u
	docs      []string // a chat message sharing the documentation %u
	official  []string // link texts of an official website
}

var genres = map[string]genreLines{
	"en": {
		selfPromo: []string{
			"hey everyone, I'm a small creator trying to hit 500 subs, would mean a lot if you checked out my channel",
			"if you like this kind of music you might like my covers too, link here",
			"new to youtube, I post gaming clips every day, go show some love 🙏",
			"anyone who sees this, I just dropped my first track, give it a listen",
			"I do speed paintings like this on my page, follow for more ❤️",
			"sub to me and I'll sub back, promise",
			"check out my stream tonight, we're doing a 12 hour marathon",
			"GIVEAWAY on my page, follow and tag 3 friends to win a PS5",
			"i make edits of this show, follow me for more",
		},
		tg: []string{
			"Looking for 5 people for an online project, from $200 a day, no experience needed. Write me in DM",
			"Remote job, 1-2 hours a day, payment every day to your card. Details in private messages",
			"Free signals from a professional trader, +40% in a week. Join the channel",
			"Selling verified accounts and cards, cheap, fast. Message",
			"Who wants extra income from the phone? Write '+' in DM",
			"Crypto arbitrage with guaranteed profit 3-5% per trade, full training, DM the admin",
		},
		puffery: []string{
			"%n is a leading provider of innovative software solutions, trusted by thousands of businesses worldwide.",
			"Founded by a team of passionate experts, %n delivers cutting-edge services with a commitment to excellence.",
			"%n is an award-winning agency known for its world-class customer service and outstanding results.",
			"With state-of-the-art facilities and a team of experienced professionals, %n offers tailored solutions to every client.",
			"%n empowers businesses to unlock their full potential through seamless, best-in-class technology.",
			"%n is recognized as the premier destination for high-quality products at affordable prices.",
			"As an industry leader, %n continues to set new standards of quality and customer satisfaction.",
		},
		neutral: []string{
			"%n is a manufacturer of industrial pumps based in Leeds, England. It was founded in %y.",
			"The company employs about 400 people and had a turnover of £52 million in 2019.",
			"%n was acquired by a private equity firm in 2016 and moved its headquarters to Manchester.",
			"In 2011 the company was fined by the regulator for breaching safety rules at its plant.",
			"%n produces software for hospital laboratories; its main product was first released in %y.",
			"The firm was listed on the London Stock Exchange until it was taken private.",
		},
		share: []string{
			"He explains the same thing in this older talk: %u",
			"The full interview is here if anyone wants context %u",
			"For those asking about the song at 2:15, it's this one %u",
			"The official announcement was posted here %u",
			"This is the original clip, the one above is a reupload %u",
			"Part 2 is up: %u",
		},
		docs: []string{
			"It's documented here: %u", "The migration guide covers this %u", "You need the flag from %u, then restart the service",
			"We're hiring a support engineer, the official posting with salary is here: %u", "Read the FAQ first please: %u",
		},
		official: []string{"Official website", "Company website", "Homepage"},
	},
	"de": {
		selfPromo: []string{
			"Hey Leute, ich mache auch Musik und würde mich über Feedback freuen, hört mal rein",
			"Bin ein kleiner YouTuber und versuche auf 1000 Abos zu kommen, schaut auf meinem Kanal vorbei",
			"Wer Bock auf Let's Plays hat, abonniert meinen Kanal 🙏",
			"Folgt mir auf Insta für mehr solche Bilder",
		},
		tg: []string{
			"Suche zuverlässige Leute für Online-Arbeit, 150 € pro Tag, Auszahlung täglich. Schreibt mir privat",
			"Kostenlose Trading-Signale, +30 % pro Woche, tritt unserem Kanal bei",
			"Nebenverdienst übers Handy, 1-2 Stunden am Tag, Infos per PN",
		},
		puffery: []string{
			"%n ist ein führender Anbieter innovativer Lösungen und überzeugt mit höchster Qualität und erstklassigem Service.",
			"Seit der Gründung steht %n für maßgeschneiderte Lösungen und zufriedene Kunden in ganz Europa.",
			"Das preisgekrönte Team von %n verbindet Leidenschaft mit kompetenter Beratung.",
		},
		neutral: []string{
			"%n ist ein Maschinenbauunternehmen mit Sitz in Ulm. Es wurde %y gegründet.",
			"Das Unternehmen beschäftigt rund 600 Mitarbeiter und erzielte 2019 einen Umsatz von 90 Millionen Euro.",
			"%n wurde 2015 von einem Finanzinvestor übernommen.",
		},
		share:    []string{"Die ganze Sendung gibt es hier: %u", "Das Originalvideo ist dieses hier %u", "Teil 2 ist online: %u"},
		docs:     []string{"Steht in der Doku: %u", "Die Anleitung dazu findest du hier %u", "Wir suchen eine Werkstudentin, die Ausschreibung: %u"},
		official: []string{"Offizielle Website", "Website des Unternehmens"},
	},
	"fr": {
		selfPromo: []string{
			"Salut à tous, je suis un petit youtubeur, passez sur ma chaîne svp ça m'aiderait beaucoup",
			"Je fais des covers au piano, abonnez-vous si ça vous plaît 🙏",
			"Suivez-moi sur insta pour plus de recettes comme ça",
			"Ma première musique vient de sortir, allez l'écouter",
		},
		tg: []string{
			"Je recrute pour un travail en ligne, 120 € par jour, paiement quotidien. Écrivez-moi en privé",
			"Signaux crypto gratuits, +35 % par semaine, rejoignez le canal",
			"Revenu complémentaire depuis votre téléphone, infos en MP",
		},
		puffery: []string{
			"%n est un leader dans son domaine, reconnu pour l'excellence de ses solutions innovantes.",
			"Grâce à une équipe de passionnés et un savoir-faire unique, %n propose des services haut de gamme sur mesure.",
			"%n place la satisfaction client au cœur de sa démarche et s'impose comme un acteur incontournable.",
		},
		neutral: []string{
			"%n est une entreprise française de construction mécanique fondée en %y à Lyon.",
			"La société compte environ 300 salariés et a réalisé un chiffre d'affaires de 45 millions d'euros en 2018.",
			"En 2014, %n a été rachetée par un groupe allemand.",
		},
		share:    []string{"L'interview complète est ici : %u", "La vidéo originale : %u", "La suite est en ligne %u"},
		docs:     []string{"C'est dans la documentation : %u", "Le guide d'installation est ici %u", "Nous recrutons, l'offre officielle : %u"},
		official: []string{"Site officiel", "Site de l'entreprise"},
	},
	"es": {
		selfPromo: []string{
			"Hola a todos, soy un pequeño youtuber, pásense por mi canal porfa, subo videos cada semana",
			"Si les gusta la música así, escuchen mis canciones, link aquí 🙏",
			"Síganme en insta para más dibujos como este",
			"Estoy empezando en twitch, pasen a saludar esta noche",
		},
		tg: []string{
			"Busco 10 personas para trabajo online, 60 dólares al día, pago diario. Escríbeme al privado",
			"Señales de cripto gratis, +30% por semana, únete al canal",
			"Ingresos extra desde el celular, info por DM",
		},
		puffery: []string{
			"%n es una empresa líder en soluciones innovadoras, comprometida con la excelencia y la más alta calidad.",
			"Con un equipo de expertos apasionados, %n ofrece atención personalizada y soluciones integrales a sus clientes.",
			"%n se ha consolidado a la vanguardia del sector gracias a su calidad superior.",
		},
		neutral: []string{
			"%n es una empresa mexicana de materiales de construcción fundada en %y en Monterrey.",
			"La compañía emplea a unas 2000 personas y cotiza en bolsa desde 1994.",
			"En 2012 %n vendió su división de transporte.",
		},
		share:    []string{"La entrevista completa está aquí: %u", "Este es el video original %u", "Ya subieron la segunda parte %u"},
		docs:     []string{"Está en la documentación: %u", "La guía de instalación: %u", "Estamos contratando, la oferta oficial: %u"},
		official: []string{"Sitio web oficial", "Página oficial"},
	},
	"pt": {
		selfPromo: []string{
			"Oi gente, sou pequena youtuber, passa no meu canal e se inscreve por favor 🙏",
			"Faço covers assim também, me segue lá no insta",
			"Lancei minha primeira música hoje, escutem e comentem",
			"Sigam meu perfil, posto dicas de maquiagem todo dia",
		},
		tg: []string{
			"Vagas para trabalho online, R$ 250 por dia, pagamento diário. Chama no privado",
			"Sinais de cripto grátis, +40% por semana, entre no canal",
			"Renda extra pelo celular, só 1 hora por dia, me chama no PV",
		},
		puffery: []string{
			"A %n é referência no mercado, líder em soluções inovadoras e atendimento de excelência.",
			"Com os melhores profissionais do setor, a %n oferece qualidade superior e excelência em cada projeto.",
		},
		neutral: []string{
			"A %n é uma empresa brasileira de autopeças fundada em %y em Curitiba.",
			"A empresa tem cerca de 900 funcionários e abriu capital em 2007.",
		},
		share:    []string{"A entrevista completa está aqui: %u", "Esse é o vídeo original %u", "Saiu a parte 2 %u"},
		docs:     []string{"Está na documentação: %u", "O guia de instalação é este %u", "Estamos contratando, a vaga oficial: %u"},
		official: []string{"Página oficial", "Sítio oficial"},
	},
	"it": {
		selfPromo: []string{
			"Ciao a tutti, sono un piccolo youtuber, passate dal mio canale e iscrivetevi 🙏",
			"Seguitemi su instagram per altri disegni così",
			"Ho appena pubblicato la mia prima canzone, ascoltatela",
		},
		tg: []string{
			"Cerco persone per lavoro online, 100 € al giorno, pagamento giornaliero. Scrivetemi in privato",
			"Segnali crypto gratuiti, +30% a settimana, entra nel canale",
		},
		puffery: []string{
			"%n è un'azienda leader nel settore, sinonimo di eccellenza, professionalità e soluzioni innovative.",
			"Da anni %n offre prodotti di alta qualità e soluzioni su misura per ogni esigenza.",
		},
		neutral: []string{
			"%n è un'azienda meccanica italiana fondata nel %y a Brescia.",
			"L'azienda conta circa 500 dipendenti e nel 2019 ha fatturato 80 milioni di euro.",
		},
		share:    []string{"L'intervista completa è qui: %u", "Questo è il video originale %u"},
		docs:     []string{"È nella documentazione: %u", "La guida di installazione: %u"},
		official: []string{"Sito ufficiale"},
	},
	"nl": {
		selfPromo: []string{"Hoi allemaal, ik ben een kleine youtuber, abonneer op mijn kanaal 🙏", "Volg mij op insta voor meer tekeningen"},
		tg:        []string{"Op zoek naar mensen voor online werk, 120 euro per dag, dagelijks uitbetaald. Stuur me een privébericht"},
		puffery: []string{
			"%n is een toonaangevende specialist in innovatieve oplossingen, bekend om vakmanschap en uitstekende service.",
			"%n levert hoogwaardige producten en maatwerk met oog voor klanttevredenheid.",
		},
		neutral:  []string{"%n is een Nederlands installatiebedrijf, opgericht in %y in Utrecht.", "Het bedrijf heeft ongeveer 250 werknemers."},
		share:    []string{"Het volledige interview staat hier: %u", "Dit is de originele video %u"},
		docs:     []string{"Staat in de documentatie: %u"},
		official: []string{"Officiële website"},
	},
	"pl": {
		selfPromo: []string{"Cześć, jestem małym youtuberem, zajrzyjcie na mój kanał i subskrybujcie 🙏", "Obserwujcie mój profil na insta"},
		tg:        []string{"Szukam osób do pracy online, 300 zł dziennie, wypłata codziennie. Piszcie na priv", "Darmowe sygnały krypto, +30% tygodniowo, dołącz do kanału"},
		puffery: []string{
			"%n to wiodąca firma oferująca innowacyjne rozwiązania najwyższej jakości.",
			"Dzięki profesjonalnej obsłudze %n zapewnia kompleksowe usługi dla klientów w całej Polsce.",
		},
		neutral:  []string{"%n to polskie przedsiębiorstwo budowlane założone w %y roku w Poznaniu.", "Spółka zatrudnia około 700 pracowników."},
		share:    []string{"Cały wywiad jest tutaj: %u", "To jest oryginalny film %u"},
		docs:     []string{"Jest w dokumentacji: %u"},
		official: []string{"Oficjalna strona"},
	},
	"ru": {
		selfPromo: []string{
			"Всем привет, я начинающий ютубер, загляните на мой канал, буду рад каждому подписчику 🙏",
			"Кому нравится такое, подписывайтесь, у меня похожие каверы",
			"Выложил свой первый трек, послушайте и оцените",
			"Подпишитесь на мой инст, там больше рисунков",
		},
		tg: []string{
			"Ищем людей на удалёнку, от 4000 ₽ в день, выплаты ежедневно, без опыта. Пишите в личку",
			"Нужны курьеры, оплата каждый день, подробности в ЛС",
			"Бесплатные сигналы от профессионального трейдера, +50% за неделю, вступай в канал",
			"Подработка на телефоне, 1-2 часа в день, пиши «+» в личные сообщения",
			"Продаю аккаунты и карты, дёшево, быстро. Писать в личку",
		},
		puffery: []string{
			"%n — ведущая компания на рынке, предлагающая инновационные решения и высочайшее качество услуг.",
			"Команда профессионалов %n обеспечивает индивидуальный подход к каждому клиенту.",
			"%n — признанный лидер рынка с безупречной репутацией.",
		},
		neutral: []string{
			"%n — российская машиностроительная компания, основанная в %y году в Екатеринбурге.",
			"В компании работает около 1500 человек; в 2019 году её выручка составила 9 млрд рублей.",
			"В 2016 году %n была приобретена государственной корпорацией.",
		},
		share:    []string{"Полное интервью вот здесь: %u", "Вот оригинальное видео %u", "Вышла вторая часть %u"},
		docs:     []string{"Это есть в документации: %u", "Инструкция по установке тут %u", "Мы ищем разработчика, официальная вакансия: %u"},
		official: []string{"Официальный сайт"},
	},
	"uk": {
		selfPromo: []string{
			"Всім привіт, я маленький ютубер, зазирніть на мій канал і підпишіться 🙏",
			"Випустив свій перший трек, послухайте будь ласка",
			"Підписуйтесь на мій інстаграм, там більше малюнків",
		},
		tg: []string{
			"Шукаємо людей на віддалену роботу, від 1200 грн на день, виплати щодня. Пишіть в особисті",
			"Безкоштовні сигнали від трейдера, +40% за тиждень, долучайся до каналу",
			"Підробіток з телефону, 1-2 години на день, пиши «+» в приват",
			"Потрібні кур'єри, оплата щодня, деталі в ЛС",
		},
		puffery: []string{
			"%n — провідна компанія, що пропонує інноваційні рішення найвищої якості.",
			"Команда професіоналів %n забезпечує індивідуальний підхід до кожного клієнта.",
		},
		neutral: []string{
			"%n — українська машинобудівна компанія, заснована в %y році в Харкові.",
			"На підприємстві працює близько 800 осіб.",
		},
		share:    []string{"Повне інтерв'ю тут: %u", "Ось оригінальне відео %u"},
		docs:     []string{"Це є в документації: %u", "Інструкція зі встановлення тут %u"},
		official: []string{"Офіційний сайт"},
	},
	"kk": {
		selfPromo: []string{"Сәлем бәріне, менің арнама кіріп, жазылыңыздар 🙏"},
		tg: []string{
			"Үйден онлайн жұмыс, күніне 15 000 теңгеден, төлем күн сайын. Жеке хатқа жазыңыз",
			"Тегін крипто сигналдар, аптасына +30%, арнаға қосылыңыз",
			"Телефон арқылы қосымша табыс, толығырақ жеке хабарламада",
		},
		neutral:  []string{"%n — %y жылы Алматыда құрылған қазақстандық құрылыс компаниясы."},
		share:    []string{"Толық сұхбат мына жерде: %u"},
		docs:     []string{"Бұл құжаттамада жазылған: %u", "Орнату нұсқаулығы осында %u"},
		official: []string{"Ресми сайты"},
	},
	"uz": {
		selfPromo: []string{"Hammaga salom, kanalimga obuna bo'ling, har kuni video joylayman 🙏"},
		tg: []string{
			"Onlayn ish, kuniga 250 000 so'mdan, to'lov har kuni. Lichkaga yozing",
			"Bepul kripto signallar, haftasiga +30%, kanalga qo'shiling",
			"Telefon orqali qo'shimcha daromad, batafsil lichkada",
		},
		neutral:  []string{"%n — %y-yilda Toshkentda tashkil etilgan qurilish kompaniyasi."},
		share:    []string{"To'liq intervyu shu yerda: %u"},
		docs:     []string{"Bu hujjatlarda yozilgan: %u", "O'rnatish bo'yicha qo'llanma: %u"},
		official: []string{"Rasmiy sayt"},
	},
	"tr": {
		selfPromo: []string{
			"Herkese selam, küçük bir youtuberım, kanalıma abone olursanız çok sevinirim 🙏",
			"İlk şarkımı yayınladım, dinleyip yorum yapın",
			"Instagram sayfamı takip edin, her gün çizim paylaşıyorum",
		},
		tg: []string{
			"Evden online iş, günlük 1500 TL, ödeme her gün. Özelden yazın",
			"Ücretsiz kripto sinyalleri, haftalık +%40, kanala katıl",
			"Telefondan ek gelir, detaylar DM'de",
		},
		puffery: []string{
			"%n, yenilikçi çözümleri ve üstün kalitesiyle sektörün öncü firmalarından biridir.",
			"Profesyonel ekibiyle %n, müşteri memnuniyetini her zaman ön planda tutar.",
		},
		neutral:  []string{"%n, %y yılında İzmir'de kurulan bir makine üreticisidir.", "Şirket yaklaşık 400 kişi istihdam etmektedir."},
		share:    []string{"Röportajın tamamı burada: %u", "Orijinal video bu %u"},
		docs:     []string{"Belgelerde yazıyor: %u", "Kurulum kılavuzu burada %u"},
		official: []string{"Resmî web sitesi"},
	},
	"id": {
		selfPromo: []string{
			"Halo semua, aku youtuber kecil, mampir ke channel aku ya dan subscribe 🙏",
			"Follow ig aku ya buat tips masak lainnya",
			"Baru rilis lagu pertama aku, dengerin ya kak",
		},
		tg: []string{
			"Dicari admin online, gaji harian 250rb, kerja dari HP. Minat chat pribadi",
			"Sinyal crypto gratis, profit 30% per minggu, gabung channel",
			"Kerja sampingan 1-2 jam sehari, dibayar tiap hari, DM admin",
		},
		puffery: []string{
			"%n adalah perusahaan terdepan yang menyediakan solusi inovatif dan layanan terbaik yang terpercaya.",
			"Dengan tim profesional, %n menghadirkan produk berkualitas tinggi untuk seluruh pelanggan.",
		},
		neutral:  []string{"%n adalah perusahaan manufaktur yang didirikan pada tahun %y di Surabaya.", "Perusahaan ini mempekerjakan sekitar 1.200 orang."},
		share:    []string{"Wawancara lengkapnya di sini: %u", "Ini video aslinya %u"},
		docs:     []string{"Ada di dokumentasi: %u", "Panduan instalasinya di sini %u"},
		official: []string{"Situs web resmi"},
	},
	"vi": {
		selfPromo: []string{
			"Chào mọi người, mình là youtuber nhỏ, ghé kênh của mình và đăng ký ủng hộ nhé 🙏",
			"Mình mới ra bài hát đầu tiên, mọi người nghe thử nhé",
			"Theo dõi mình trên tiktok để xem thêm nhé",
		},
		tg: []string{
			"Tuyển người làm online tại nhà, thu nhập 400k/ngày, trả lương hằng ngày. Inbox mình",
			"Tín hiệu crypto miễn phí, lãi 30% mỗi tuần, vào nhóm ngay",
			"Việc làm thêm trên điện thoại, 1-2 tiếng mỗi ngày, nhắn riêng để biết thêm",
		},
		puffery: []string{
			"%n là công ty hàng đầu, uy tín với các giải pháp toàn diện và chất lượng cao.",
			"Với đội ngũ chuyên nghiệp và tận tâm, %n mang đến dịch vụ tốt nhất cho khách hàng.",
		},
		neutral:  []string{"%n là một công ty cơ khí được thành lập năm %y tại Hải Phòng.", "Công ty có khoảng 600 nhân viên."},
		share:    []string{"Bài phỏng vấn đầy đủ ở đây: %u", "Đây là video gốc %u"},
		docs:     []string{"Có trong tài liệu: %u", "Hướng dẫn cài đặt ở đây %u"},
		official: []string{"Trang web chính thức"},
	},
	"ar": {
		selfPromo: []string{
			"مرحبا بالجميع، أنا يوتيوبر صغير، ادخلوا قناتي واشتركوا لو سمحتم 🙏",
			"نزلت أول أغنية لي، اسمعوها وقولوا رأيكم",
			"تابعوني على انستغرام لمزيد من الرسومات",
		},
		tg: []string{
			"مطلوب أشخاص للعمل أونلاين، 80 دولار يوميا، الدفع كل يوم. راسلوني على الخاص",
			"إشارات كريبتو مجانية، ربح 40% أسبوعيا، انضم إلى القناة",
			"دخل إضافي من الهاتف، التفاصيل في الخاص",
		},
		puffery: []string{
			"%n شركة رائدة في مجالها تقدم حلول مبتكرة بأعلى جودة.",
			"يضم %n فريق محترف يقدم خدمات متميزة لكل العملاء.",
		},
		neutral:  []string{"%n شركة صناعية تأسست عام %y في الدار البيضاء.", "يعمل في الشركة نحو 700 موظف."},
		share:    []string{"المقابلة كاملة هنا: %u", "هذا هو الفيديو الأصلي %u"},
		docs:     []string{"الشرح موجود في التوثيق: %u", "دليل التثبيت هنا %u"},
		official: []string{"الموقع الرسمي"},
	},
	"fa": {
		selfPromo: []string{"سلام به همه، کانالم رو دنبال کنید و سابسکرایب کنید 🙏", "اولین آهنگم منتشر شد، گوش بدید"},
		tg: []string{
			"استخدام کار آنلاین در منزل، درآمد روزانه ۳ میلیون تومان، تسویه هر روز. پیوی پیام بدید",
			"سیگنال رایگان ارز دیجیتال، سود ۴۰ درصد در هفته، عضو کانال شوید",
			"درآمد از گوشی، روزی یک ساعت، اطلاعات بیشتر در پیوی",
		},
		puffery:  []string{"%n پیشرو در ارائه راهکارهای نوآورانه و خدمات باکیفیت است."},
		neutral:  []string{"%n یک شرکت صنعتی است که در سال %y در تبریز تأسیس شد.", "این شرکت حدود ۵۰۰ کارمند دارد."},
		share:    []string{"مصاحبه کامل اینجاست: %u", "این ویدیوی اصلی است %u"},
		docs:     []string{"در مستندات نوشته شده: %u", "راهنمای نصب اینجاست %u"},
		official: []string{"وب‌سایت رسمی"},
	},
	"hi": {
		selfPromo: []string{"सभी को नमस्ते, मैं छोटा यूट्यूबर हूँ, मेरे चैनल को सब्सक्राइब करें 🙏", "मेरा पहला गाना आ गया है, ज़रूर सुनें"},
		tg: []string{
			"घर से ऑनलाइन काम, रोज़ 1500 रुपये, रोज़ पेमेंट। पर्सनल में मैसेज करें",
			"फ्री क्रिप्टो सिग्नल, हफ्ते में 40% मुनाफा, चैनल से जुड़ें",
			"मोबाइल से एक्स्ट्रा कमाई, डिटेल के लिए DM करें",
		},
		puffery:  []string{"%n अग्रणी कंपनी है जो उच्च गुणवत्ता और बेहतरीन सेवा प्रदान करती है।"},
		neutral:  []string{"%n एक इंजीनियरिंग कंपनी है जिसकी स्थापना %y में पुणे में हुई थी।", "कंपनी में लगभग 900 कर्मचारी हैं।"},
		share:    []string{"पूरा इंटरव्यू यहाँ है: %u", "यह असली वीडियो है %u"},
		docs:     []string{"यह डॉक्यूमेंटेशन में लिखा है: %u", "इंस्टॉल करने की गाइड यहाँ है %u"},
		official: []string{"आधिकारिक वेबसाइट"},
	},
	"zh": {
		selfPromo: []string{"大家好，我是刚起步的小up主，欢迎关注我的频道 🙏", "我也翻唱了这首歌，去我的主页听听吧", "关注我，每天更新"},
		tg: []string{
			"招聘线上兼职，日结400元，手机操作，有意私聊",
			"免费币圈信号，周收益40%，进群了解",
			"宝妈学生都可以做，一天一小时，私信我",
		},
		puffery:  []string{"%n是行业领先的一站式服务商，拥有专业团队和卓越品质，值得信赖。", "%n致力于为客户提供优质的创新解决方案。"},
		neutral:  []string{"%n是一家成立于%y年的机械制造企业，总部位于苏州。", "公司员工约八百人。"},
		share:    []string{"完整采访在这里：%u", "这是原视频 %u"},
		docs:     []string{"文档里有写：%u", "安装说明在这里 %u"},
		official: []string{"官方网站"},
	},
	"ja": {
		selfPromo: []string{"はじめまして、小さなゲーム実況者です！チャンネル登録お願いします🙏", "私も歌ってみた出しました、聴いてください"},
		tg:        []string{"在宅ワーク募集、日給2万円、毎日払い。DMください", "無料の仮想通貨シグナル、週40%の利益、グループに参加"},
		puffery:   []string{"%nは業界トップクラスの高品質なサービスと革新的なソリューションを提供しています。"},
		neutral:   []string{"%nは%y年に大阪で設立された機械メーカーである。", "従業員数は約700人。"},
		share:     []string{"インタビュー全編はこちら：%u", "元の動画はこれです %u"},
		docs:      []string{"ドキュメントに書いてあります：%u"},
		official:  []string{"公式ウェブサイト"},
	},
	"ko": {
		selfPromo: []string{"안녕하세요 작은 유튜버입니다, 제 채널 구독 부탁드려요 🙏", "첫 곡 냈어요, 들어봐 주세요"},
		tg:        []string{"재택 알바 모집, 일당 15만원, 매일 지급. 개인 메시지 주세요", "무료 코인 시그널, 주 40% 수익, 채널 입장"},
		puffery:   []string{"%n은 혁신적인 솔루션과 최고의 품질로 업계를 선도하는 기업입니다."},
		neutral:   []string{"%n은 %y년 부산에서 설립된 기계 제조 회사이다.", "직원 수는 약 500명이다."},
		share:     []string{"인터뷰 전체는 여기: %u", "원본 영상은 이거예요 %u"},
		docs:      []string{"문서에 나와 있어요: %u"},
		official:  []string{"공식 웹사이트"},
	},
}

// extraLangs are languages of the genres above that langs lacks; they get
// only these genres, perExtra spam and good-faith texts each.
var extraLangs = []lang{
	{code: "uk", domainWords: []string{"robota", "zarobitok", "kripto", "signal", "groshi", "bonus"}, cta: []string{"Пишіть:", "Канал:"},
		products: []string{"кредити", "ставки"}, sites: []string{"pravda.com.ua", "ukrstat.gov.ua", "suspilne.media"}},
	{code: "kk", domainWords: []string{"jumys", "tabys", "kripto", "aqsha", "bonus"}, cta: []string{"Жазыңыз:", "Арна:"},
		products: []string{"несие"}, sites: []string{"stat.gov.kz", "kazinform.kz", "tengrinews.kz"}},
	{code: "uz", domainWords: []string{"ish", "daromad", "kripto", "pul", "bonus"}, cta: []string{"Yozing:", "Kanal:"},
		products: []string{"kredit"}, sites: []string{"stat.uz", "kun.uz", "gazeta.uz"}},
	{code: "fa", domainWords: []string{"kar", "daramad", "arz", "signal", "pool"}, cta: []string{"پیام بدید:", "کانال:"},
		products: []string{"وام"}, sites: []string{"bbc.com", "amar.org.ir", "isna.ir"}},
	{code: "hi", domainWords: []string{"kamai", "naukri", "paisa", "crypto", "earn"}, cta: []string{"संपर्क करें:", "चैनल:"},
		products: []string{"लोन"}, sites: []string{"thehindu.com", "pib.gov.in", "ndtv.com"}},
}

// perExtra is how many spam and how many good-faith texts each extra
// language gets.
const perExtra = 150

// The genre containers.
var genreSpam = []string{"selfpromo", "tg", "draft", "recommend"}
var genreHam = []string{"share", "docs", "company", "advice"}

func (a *augmenter) lines(code string, f func(genreLines) []string) []string {
	if ls := f(genres[code]); len(ls) > 0 && a.r.IntN(6) != 0 {
		return ls
	}
	return f(genres["en"])
}

// handleName is a user or channel name.
func (a *augmenter) handleName(l *lang) string {
	first := a.pick([]string{"lil", "dj", "the", "its", "real", "official", "mr", "miss", "", "", ""})
	name := a.pick([]string{"beatz", "kayla", "gamer", "art", "music", "vlogs", "cooking", "fit", "nova", "luna", "max", "jay", "river", "pixel", "dance", "makeup"})
	if a.r.IntN(3) == 0 {
		name += a.pick(l.domainWords)
	}
	return first + name + a.pick([]string{"", "", "_", ".", "_official", "tv", fmt.Sprint(a.r.IntN(999))})
}

// profileURL is a link to a profile, channel or page on a user-content
// platform, sometimes written without a scheme.
func (a *augmenter) profileURL(l *lang) string {
	n := a.handleName(l)
	var u string
	switch a.r.IntN(14) {
	case 0:
		u = "youtube.com/@" + n
	case 1:
		u = fmt.Sprintf("youtube.com/channel/UC%x", a.r.Uint64())
	case 2:
		u = "youtube.com/" + a.pick([]string{"user", "c"}) + "/" + n
	case 3:
		u = "instagram.com/" + n
	case 4:
		u = "tiktok.com/@" + n
	case 5:
		u = "soundcloud.com/" + n
	case 6:
		u = "twitch.tv/" + n
	case 7:
		u = "facebook.com/" + n
	case 8:
		u = a.pick([]string{"x.com/", "twitter.com/"}) + n
	case 9:
		u = a.pick([]string{"vk.com/", "ok.ru/group/"}) + n
	case 10:
		u = "linktr.ee/" + n
	case 11:
		u = strings.ReplaceAll(n, "_", "-") + a.pick([]string{".blogspot.com", ".wordpress.com"})
	case 12:
		u = "medium.com/@" + n
	default:
		u = "youtube.com/@" + n
	}
	switch a.r.IntN(4) {
	case 0:
		return u
	case 1:
		return "https://" + u
	default:
		return "https://www." + strings.TrimPrefix(u, "www.")
	}
}

// videoURL is a link to one video or post, what a good-faith comment
// shares.
func (a *augmenter) videoURL() string {
	id := a.videoID
	org := a.pick([]string{"BBCNews", "NASA", "TEDtalks", "natgeo", "Reuters", "dwnews", "CERN", "nytimes", "guardian", "FIFAWorldCup", "britishmuseum"})
	switch a.r.IntN(8) {
	case 0, 1:
		return "https://www.youtube.com/watch?v=" + id(11) + a.pick([]string{"", "", fmt.Sprintf("&t=%ds", a.r.IntN(900))})
	case 2:
		return "https://youtu.be/" + id(11)
	case 3:
		return fmt.Sprintf("https://www.facebook.com/%s/videos/%d", org, 1e14+a.r.Int64N(9e14))
	case 4:
		return fmt.Sprintf("https://x.com/%s/status/%d", org, 1e18+a.r.Int64N(8e18))
	case 5:
		return "https://www.instagram.com/p/" + id(11) + "/"
	case 6:
		return fmt.Sprintf("https://www.tiktok.com/@%s/video/%d", strings.ToLower(org), 7e18+a.r.Int64N(1e18))
	default:
		return "https://www.youtube.com/shorts/" + id(11)
	}
}

// uploadURL is a link to a video the spammer uploaded: the same shapes as
// videoURL's YouTube links, with no institution's name in them.
func (a *augmenter) uploadURL() string {
	id := a.videoID(11)
	switch a.r.IntN(4) {
	case 0:
		return "https://youtu.be/" + id
	case 1:
		return "https://www.youtube.com/shorts/" + id
	default:
		return a.pick([]string{"https://www.youtube.com/watch?v=", "https://youtube.com/watch?v=", "http://www.youtube.com/watch?v="}) + id
	}
}

// videoID is n characters of the alphabet video and post ids are written
// in (YouTube's, Instagram's).
func (a *augmenter) videoID(n int) string {
	const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
	b := make([]byte, n)
	for i := range b {
		b[i] = abc[a.r.IntN(len(abc))]
	}
	return string(b)
}

// officialProfile is an institution's own channel or page, as a wiki's
// external links or a news comment cite it.
func (a *augmenter) officialProfile() string {
	org := a.pick([]string{"BBCNews", "NASA", "TED", "natgeo", "Reuters", "dwnews", "CERN", "britishmuseum", "louvre", "WHO", "UNESCO", "Bundesregierung", "CityofLeeds", "metmuseum"})
	return "https://www." + a.pick([]string{"youtube.com/@", "youtube.com/user/", "facebook.com/", "instagram.com/", "x.com/", "twitter.com/"}) + org
}

// docsURL is a page of documentation or a project's site.
func (a *augmenter) docsURL(l *lang) string {
	return shareTagged(a.docsPage(l))
}

func (a *augmenter) docsPage(l *lang) string {
	switch a.r.IntN(9) {
	case 0:
		return "https://docs.python.org/3/library/" + a.pick([]string{"asyncio.html", "pathlib.html", "json.html", "logging.html"})
	case 1:
		return "https://go.dev/doc/" + a.pick([]string{"modules/managing-dependencies", "effective_go", "faq#closures_and_goroutines"})
	case 2:
		return "https://kubernetes.io/docs/" + a.pick([]string{"concepts/workloads/pods/", "tasks/run-application/", "reference/kubectl/"})
	case 3:
		return "https://developer.mozilla.org/" + a.pick([]string{"en-US", l.code}) + "/docs/Web/" + a.pick([]string{"HTTP/CORS", "API/Fetch_API", "CSS/grid"})
	case 4:
		return "https://wiki.archlinux.org/title/" + a.pick([]string{"Installation_guide", "Systemd", "NetworkManager"})
	case 5:
		return fmt.Sprintf("https://github.com/%s/%s/blob/main/README.md", a.pick([]string{"nodejs", "pallets", "rust-lang", "home-assistant"}), a.pick([]string{"node", "flask", "cargo", "core"}))
	case 6:
		return "https://" + a.pick([]string{"docs.docker.com/engine/install/", "learn.microsoft.com/en-us/windows/wsl/install", "www.postgresql.org/docs/16/", "nginx.org/en/docs/"})
	case 7:
		return "https://" + a.pick([]string{"careers", "jobs"}) + "." + a.pick(l.sites) + fmt.Sprintf("/%d", 1000+a.r.IntN(9000))
	default:
		return a.chatHamURL(l)
	}
}

// companyName is the name of a business, in the style of l.
func (a *augmenter) companyName(l *lang) string {
	base := a.pick([]string{"Bright", "Nova", "Sun", "Alpha", "Green", "Atlas", "Vertex", "Blue", "Maple", "Orion", "Delta", "Prime", "Astra", "Polar", "Terra"}) +
		a.pick([]string{"path", "line", "tech", "soft", "works", "field", "stone", "wave", "gate", "point", ""})
	suffix := map[string][]string{"de": {"GmbH", "AG"}, "fr": {"SAS", "SARL"}, "es": {"S.A.", "S.L."}, "pt": {"Ltda.", "S.A."}, "it": {"S.r.l.", "S.p.A."},
		"nl": {"B.V."}, "pl": {"Sp. z o.o."}, "tr": {"A.Ş."}, "id": {"PT"}, "ru": {"ООО"}, "uk": {"ТОВ"}, "ja": {"株式会社"}, "zh": {"有限公司"}}[l.code]
	if len(suffix) == 0 {
		suffix = []string{"Ltd", "Inc.", "Group", "Solutions", "Digital", "Media", "Consulting", ""}
	}
	s := a.pick(suffix)
	switch {
	case s == "":
		return base
	case s == "PT" || s == "ООО" || s == "ТОВ":
		return s + " " + base
	}
	return base + " " + s
}

// companySite is the plain domain of a business: its name, no commercial
// words, the language's TLD or .com.
func (a *augmenter) companySite(l *lang, name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	label := b.String()
	if len(label) > 4 && strings.HasSuffix(label, "gmbh") {
		label = strings.TrimSuffix(label, "gmbh")
	}
	if a.r.IntN(3) == 0 {
		label += "-" + a.pick([]string{"group", "digital", "tech", "solutions", "online", "consulting"})
	}
	tld := a.pick([]string{"com", "com", ccTLDOf(l.code), "io", "net"})
	return label + "." + tld
}

func ccTLDOf(code string) string {
	if t, ok := ccTLD[code]; ok {
		return t
	}
	return map[string]string{"uk": "com.ua", "kk": "kz", "uz": "uz", "fa": "ir", "hi": "in"}[code]
}

// genreSpamText makes a spam text of genre c.
func (a *augmenter) genreSpamText(l *lang, c string) (text string, wiki bool) {
	switch c {
	case "selfpromo":
		s := a.pick(a.lines(l.code, func(g genreLines) []string { return g.selfPromo }))
		u := a.profileURL(l)
		if a.r.IntN(3) == 0 {
			// The writer's own video, as good-faith comments share
			// others' (videoURL): only the words tell them apart.
			u = a.uploadURL()
		}
		switch a.r.IntN(5) {
		case 0:
			text = u + " " + s
		case 1:
			text = s + "\n" + u
		case 2:
			text = s + " " + u + " " + a.profileURL(l)
		default:
			text = s + a.pick([]string{" ", " 👉 ", ": ", " → "}) + u
		}
		return text, false
	case "tg":
		s := a.pick(a.lines(l.code, func(g genreLines) []string { return g.tg }))
		contact := a.pick([]string{"@" + a.handleName(l), "@" + a.pick(l.domainWords) + a.pick([]string{"_hr", "_admin", "_work", "_signals", "_manager"}),
			"t.me/" + a.pick(l.domainWords) + a.pick([]string{"_vip", "_job", "_pro", "group"}), "https://t.me/+" + fmt.Sprintf("%x", a.r.Uint64()), a.chatLink(l)})
		switch a.r.IntN(4) {
		case 0:
			text = a.pick([]string{"🔥", "💰", "✅", "❗️", "‼️", "🚀"}) + " " + s + " " + contact
		case 1:
			text = s + "\n" + a.pick([]string{"👉 ", "➡️ ", "✍️ ", ""}) + contact
		default:
			text = s + " " + contact
		}
		return text, false
	default: // draft
		name := a.companyName(l)
		site := a.companySite(l, name)
		u := a.pick([]string{"https://www.", "https://", "http://www."}) + site + a.pick([]string{"", "/", "/about", "/en/", "/services"})
		ps := a.lines(l.code, func(g genreLines) []string { return g.puffery })
		var b strings.Builder
		b.WriteString(strings.Replace(a.pick(ps), "%n", "'''"+name+"'''", 1))
		for i := 0; i < 1+a.r.IntN(3); i++ {
			b.WriteString(" " + strings.Replace(a.pick(ps), "%n", name, 1))
		}
		off := a.pick(a.lines(l.code, func(g genreLines) []string { return g.official }))
		switch a.r.IntN(4) {
		case 0:
			b.WriteString("<ref>" + u + "</ref>")
		case 1:
			b.WriteString(" " + off + ": " + u)
		case 2:
			b.WriteString("\n\n== " + a.pick([]string{"External links", "Weblinks", "Liens externes", "Enlaces externos", "Ссылки"}) + " ==\n* [" + u + " " + off + "]")
		default:
			b.WriteString("<ref>[" + u + " " + name + "]</ref> [" + u + " " + site + "]")
		}
		if a.r.IntN(3) == 0 {
			text = "{{Infobox company\n| name = " + name + "\n| website = " + site + "\n}}\n" + b.String()
		} else {
			text = b.String()
		}
		return text, true
	}
}

// genreHamText makes a good-faith text of genre c.
func (a *augmenter) genreHamText(l *lang, c string) (text string, wiki bool) {
	switch c {
	case "share":
		s := a.pick(a.lines(l.code, func(g genreLines) []string { return g.share }))
		switch a.r.IntN(5) {
		case 0:
			// An article's external links: the official channel next to
			// the website.
			p := a.officialProfile()
			return "== " + a.pick([]string{"External links", "Weblinks", "Liens externes", "Ссылки"}) + " ==\n* [" + a.hamURL(l) + " " +
				a.pick(a.lines(l.code, func(g genreLines) []string { return g.official })) + "]\n* [" + p + " " + a.pick([]string{"YouTube channel", "Facebook", "Instagram", "X (Twitter)"}) + "]", true
		case 1:
			return strings.Replace(s, "%u", a.officialProfile(), 1), false
		}
		return strings.Replace(s, "%u", a.videoURL(), 1), false
	case "docs":
		s := a.pick(a.lines(l.code, func(g genreLines) []string { return g.docs }))
		text = strings.Replace(s, "%u", a.docsURL(l), 1)
		if a.r.IntN(4) == 0 {
			text = "@" + a.pick([]string{"dev_ops", "anna_k", "mod_team", "k8s_fan", "alex2019"}) + " " + text
		}
		return text, false
	default: // company
		name := a.companyName(l)
		site := a.companySite(l, name)
		u := a.pick([]string{"https://www.", "https://", "http://www."}) + site + a.pick([]string{"", "/", "/en/"})
		ns := a.lines(l.code, func(g genreLines) []string { return g.neutral })
		year := fmt.Sprint(1850 + a.r.IntN(170))
		var b strings.Builder
		b.WriteString(strings.NewReplacer("%n", "'''"+name+"'''", "%y", year).Replace(a.pick(ns)))
		for i := 0; i < a.r.IntN(3); i++ {
			b.WriteString(" " + strings.NewReplacer("%n", name, "%y", year).Replace(a.pick(ns)))
		}
		if len(l.ham) > 0 && a.r.IntN(3) == 0 {
			b.WriteString("<ref>{{cite web |url=" + a.hamURL(l) + " |title=" + a.hamTitle(l) + fmt.Sprintf(" |date=%d}}</ref>", 1990+a.r.IntN(34)))
		}
		off := a.pick(a.lines(l.code, func(g genreLines) []string { return g.official }))
		switch a.r.IntN(3) {
		case 0:
			b.WriteString("\n\n== " + a.pick([]string{"External links", "Weblinks", "Liens externes", "Enlaces externos", "Ссылки"}) + " ==\n* [" + u + " " + off + "]")
		case 1:
			b.WriteString(" " + off + ": " + u)
		default:
			b.WriteString("\n\n== " + a.pick([]string{"External links", "Weblinks"}) + " ==\n* [" + u + " " + off + "]\n* [" + a.officialProfile() + " YouTube]")
		}
		if a.r.IntN(3) == 0 {
			return "{{Infobox company\n| name = " + name + "\n| founded = " + year + "\n| website = " + site + "\n}}\n" + b.String(), true
		}
		return b.String(), true
	}
}

// newsSlugs are the slugs of news articles about what spam sells, as
// references cite them.
var newsSlugs = []string{"regulator-fines-online-casino-operator", "payday-loan-rules-tightened", "bitcoin-price-falls", "crypto-exchange-collapse",
	"fake-viagra-seized", "weight-loss-drug-shortage", "sports-betting-legalised", "essay-mills-banned", "replica-goods-raid", "forex-scam-warning",
	"dating-app-fraud", "work-from-home-scams-rise", "seo-agency-fined"}

// serviceWords are what local-service and affiliate link spam is about,
// the words of its keyword domains and link texts.
var serviceWords = []string{"kitchen", "remodel", "roofing", "plumbing", "dental", "lawyer", "movers", "cleaning", "locksmith", "solar",
	"insurance", "hvac", "cbd", "vape", "jewelry", "wedding", "garage", "flooring", "pest", "repair", "tattoo", "massage", "detox", "keto"}

// serviceDomain is a keyword domain of link spam: two service or spam
// words and a suffix.
func (a *augmenter) serviceDomain(l *lang) string {
	w1 := a.pick(serviceWords)
	w2 := a.pick(append([]string{"pros", "experts", "hub", "center", "near-me", "deals", "usa", "24", "online", "best"}, l.domainWords...))
	return w1 + a.pick([]string{"-", ""}) + w2 + "." + a.pick([]string{"com", "net", "us", "co", "info", "xyz", ccTLDOf(l.code)})
}

// linkListSpam is link spam with no prose besides its links: BBCode and
// HTML links, lists of deep links to one keyword domain, bare URLs with
// keyword slugs.
func (a *augmenter) linkListSpam(l *lang) string {
	kw := func() string {
		if a.r.IntN(2) == 0 {
			return a.anchor(l)
		}
		return a.pick(serviceWords) + " " + a.pick([]string{"services", "near me", "company", "cost", "prices", "online", "experts", "repair", "deals"})
	}
	var parts []string
	n := 1 + a.r.IntN(4)
	switch a.r.IntN(5) {
	case 4:
		// Innocuous domains (hacked or parked sites, free hosts) whose
		// link texts alone say what is sold: the anchor carries it.
		for i := 0; i < 1+a.r.IntN(2); i++ {
			d := a.pick([]string{"smart", "world", "city", "my", "net", "info", "global", "daily", "easy", "open"}) +
				a.pick([]string{"guide", "point", "hub", "page", "zone", "corner", "space", "place", "spot"}) + "." + a.pick([]string{"com", "net", "org", "info", ccTLDOf(l.code)})
			an := a.pick(l.products)
			if a.r.IntN(2) == 0 {
				an = a.anchor(l)
			}
			parts = append(parts, "[http://www."+d+"/"+a.pick([]string{"", "help", "page", "index.php?id=" + fmt.Sprint(a.r.IntN(999)), "blog/" + fmt.Sprint(a.r.IntN(99))})+" "+an+"]")
		}
		return strings.Join(parts, " ")
	case 0:
		for i := 0; i < n; i++ {
			parts = append(parts, "[url="+a.spamURL(l)+"]"+kw()+"[/url]")
		}
		return strings.Join(parts, a.pick([]string{" ", "\n", ", "}))
	case 1:
		for i := 0; i < n; i++ {
			parts = append(parts, `<a href="`+a.spamURL(l)+`">`+kw()+"</a>")
		}
		return strings.Join(parts, a.pick([]string{" ", "\n", " | "}))
	case 2:
		d := "https://" + a.pick([]string{"www.", ""}) + a.serviceDomain(l)
		for i := 0; i < 1+n; i++ {
			k := kw()
			parts = append(parts, "* ["+d+"/"+strings.ReplaceAll(strings.ToLower(k), " ", "-")+" "+k+"]")
		}
		return strings.Join(parts, "\n")
	default:
		d := "https://" + a.serviceDomain(l)
		for i := 0; i < n; i++ {
			parts = append(parts, d+"/"+strings.ReplaceAll(strings.ToLower(kw()), " ", "-")+a.pick([]string{"", ".html", "/", fmt.Sprintf("-%d", 2020+a.r.IntN(6))}))
		}
		return strings.Join(parts, a.pick([]string{"\n", " "}))
	}
}

// linkReply is a good-faith reply or edit that is nothing but a link: to
// documentation, an issue, an article, a video, in the same markups as
// link-only spam.
func (a *augmenter) linkReply(l *lang) (string, bool) {
	u := a.docsURL(l)
	switch a.r.IntN(3) {
	case 1:
		u = a.chatHamURL(l)
	case 2:
		u = a.hamURL(l)
	}
	title := a.pick([]string{"docs", "documentation", "the manual", "this issue", "release notes", "FAQ", "changelog", "source"})
	if len(l.titles) > 0 && a.r.IntN(2) == 0 {
		title = a.pick(l.titles)
	}
	switch a.r.IntN(7) {
	case 0:
		return u, false
	case 1:
		return a.pick([]string{"See ", "Duplicate of ", "Fixed in ", "Related: ", "cf. ", "→ ", "Source: "}) + u, false
	case 2:
		return "[url=" + u + "]" + title + "[/url]", false
	case 3:
		return `<a href="` + u + `">` + title + "</a>", false
	case 4:
		return "[" + title + "](" + u + ")", false
	case 5:
		return "* [" + u + " " + title + "]", true
	default:
		return u + "\n" + a.docsURL(l), false
	}
}

// plainTalk are good-faith sentences of forums and Q&A sites that use the
// words spam leans on (free, check out, visit, sign up, download, profit,
// earn, guaranteed, limited) in their ordinary sense, so that a call to
// action or a lure word alone is not learned as spam.
var plainTalk = map[string][]string{
	"en": {
		"The free version has the same model, it just limits the number of requests per hour.",
		"Check out the second answer, it explains why the cache is invalidated.",
		"Visit the project page for the full list of supported formats.",
		"You can sign up for the beta on their site, it's free for students.",
		"Download the latest release and run the installer again.",
		"The company reported a profit of 3% last year, mostly from licensing.",
		"Nothing is guaranteed here: the compiler may reorder these writes.",
		"Earnings per share fell after the merger, according to the annual report.",
		"I only have limited time this week, but I'll try to test the patch.",
		"Join us on the mailing list if you want to help with the translation.",
		"There is a free online course from the university that covers this.",
		"Click the gear icon, then Settings, then turn off sync.",
		"Contact the maintainers before sending a large pull request.",
		"Don't miss the note at the end of the tutorial about permissions.",
		"The deal fell through and the shares lost 20% in a day.",
		"If you want to make money from the app, the store takes a 30% cut.",
	},
	"de": {"Die kostenlose Version hat dieselben Funktionen, nur weniger Speicher.", "Schau dir die zweite Antwort an, die erklärt das gut.",
		"Besuchen Sie die Projektseite für die vollständige Liste.", "Der Gewinn des Unternehmens stieg um 3 %.", "Melde dich für die Mailingliste an, wenn du helfen willst."},
	"fr": {"La version gratuite a les mêmes fonctions, avec moins de stockage.", "Regardez la deuxième réponse, elle explique le problème.",
		"Visitez la page du projet pour la liste complète.", "Le bénéfice de l'entreprise a augmenté de 3 %.", "Inscrivez-vous à la liste de diffusion pour aider à la traduction."},
	"es": {"La versión gratuita tiene las mismas funciones, con menos almacenamiento.", "Mira la segunda respuesta, lo explica bien.",
		"Visita la página del proyecto para ver la lista completa.", "Las ganancias de la empresa subieron un 3 %.", "Regístrate en la lista de correo si quieres ayudar."},
	"pt": {"A versão gratuita tem as mesmas funções, com menos armazenamento.", "Veja a segunda resposta, ela explica bem.", "O lucro da empresa subiu 3%."},
	"ru": {"Бесплатная версия умеет то же самое, только с ограничением запросов.", "Посмотрите второй ответ, там всё объяснено.",
		"Прибыль компании выросла на 3% по итогам года.", "Подпишитесь на рассылку, если хотите помочь с переводом.", "Скачайте последнюю версию и запустите установщик заново."},
	"zh": {"免费版功能一样，只是限制了请求次数。", "看看第二个回答，解释得很清楚。", "公司去年利润增长了3%。"},
	"ja": {"無料版も機能は同じで、リクエスト数だけ制限されています。", "二番目の回答を見てください、理由が説明されています。"},
	"tr": {"Ücretsiz sürümde aynı özellikler var, sadece istek sayısı sınırlı.", "İkinci cevaba bakın, sebebi açıklanmış."},
	"id": {"Versi gratisnya sama saja, cuma jumlah permintaan dibatasi.", "Lihat jawaban kedua, di situ dijelaskan."},
	"vi": {"Bản miễn phí cũng có đủ tính năng, chỉ giới hạn số lượt gọi.", "Xem câu trả lời thứ hai, có giải thích rõ."},
	"ar": {"النسخة المجانية فيها نفس الميزات، فقط عدد الطلبات محدود.", "انظر الإجابة الثانية، فيها الشرح."},
	"pl": {"Darmowa wersja ma te same funkcje, tylko z limitem zapytań.", "Zobacz drugą odpowiedź, tam jest wyjaśnienie."},
	"nl": {"De gratis versie heeft dezelfde functies, alleen met een limiet.", "Kijk naar het tweede antwoord, daar staat het uitgelegd."},
	"it": {"La versione gratuita ha le stesse funzioni, solo con un limite di richieste.", "Guarda la seconda risposta, lo spiega bene."},
	"ko": {"무료 버전도 기능은 같고 요청 수만 제한돼요.", "두 번째 답변을 보세요, 이유가 설명돼 있어요."},
}

// plainSentence is a sentence of plainTalk in l's language, or English.
func (a *augmenter) plainSentence(l *lang) string {
	ls := plainTalk[l.code]
	if ls == nil || a.r.IntN(4) == 0 {
		ls = plainTalk["en"]
	}
	return a.pick(ls)
}

// recommendLines are forum replies that praise the thread, then recommend
// a local business ("%s": the service); the business's domain follows.
// recommendServices are the services, in the same language. goodAdvice
// are good-faith replies that recommend official documentation or a
// public guide, the link following.
var recommendLines = map[string][]string{
	"en": {"Great thread! If anyone in Dallas needs %s, I can recommend", "Very helpful, thanks. By the way, for affordable %s I always use",
		"Nice post. We hired these guys for %s last month and they were great:", "Thanks for the tips! For reliable %s check"},
	"de": {"Toller Beitrag! Wer in München %s sucht, dem kann ich empfehlen:", "Danke für die Infos. Für günstige %s nutze ich immer"},
	"fr": {"Super article ! Pour %s pas cher à Paris, je recommande", "Merci pour les infos. Pour %s, je passe toujours par"},
	"es": {"¡Excelente post! Si alguien busca %s en Madrid, recomiendo", "Gracias por la info. Para %s económicos siempre uso"},
	"pt": {"Ótimo post! Quem precisar de %s em São Paulo, recomendo", "Valeu pelas dicas! Para %s eu sempre uso"},
	"it": {"Bell'articolo! Per %s a Milano consiglio", "Grazie per le info. Per %s mi trovo bene con"},
	"ru": {"Полезная статья! Кому нужен %s в Москве, советую", "Спасибо, пригодилось. Сам заказывал %s тут:"},
	"uk": {"Корисна стаття! Кому потрібен %s у Києві, раджу", "Дякую! Сам замовляв %s тут:"},
	"ar": {"موضوع مفيد! لمن يبحث عن %s في جدة أنصح بـ", "شكرا على المعلومات، أفضل %s جربتها"},
	"tr": {"Güzel yazı! İstanbul'da %s arayanlara tavsiye ederim:", "Teşekkürler, %s için hep bunları kullanıyorum"},
	"id": {"Artikelnya bermanfaat! Yang butuh %s di Jakarta, rekomendasi saya", "Makasih infonya, untuk %s saya selalu pakai"},
	"vi": {"Bài viết hữu ích! Ai cần %s ở Hà Nội thì tham khảo", "Cảm ơn bạn, mình hay dùng %s ở đây"},
	"zh": {"好帖！需要%s的朋友可以看看", "感谢分享，我一直用这家%s"},
	"pl": {"Świetny wpis! Jeśli ktoś szuka %s w Warszawie, polecam", "Dzięki za info, do %s zawsze wybieram"},
	"nl": {"Goed artikel! Wie %s zoekt in Amsterdam, ik raad aan", "Bedankt, voor %s gebruik ik altijd"},
	"ja": {"参考になりました！%sならここがおすすめです", "ありがとうございます、%sはいつもここに頼んでいます"},
	"ko": {"좋은 글이네요! %s 필요하신 분은 여기 추천합니다", "감사합니다, %s는 항상 여기 이용해요"},
	"fa": {"مطلب مفیدی بود! برای %s در تهران پیشنهاد می‌کنم"},
	"hi": {"बहुत अच्छी पोस्ट! दिल्ली में %s के लिए मैं सुझाव दूँगा"},
	"kk": {"Пайдалы мақала! Алматыда %s керек болса, ұсынамын"},
	"uz": {"Foydali maqola! Toshkentda %s kerak bo'lsa, tavsiya qilaman"},
}

var recommendServices = map[string][]string{
	"en": {"movers", "roof repair", "carpet cleaning", "a locksmith", "kitchen remodeling", "dental implants", "a divorce lawyer", "pest control", "AC repair", "a wedding photographer"},
	"de": {"einen Umzugsservice", "eine Reinigungsfirma", "einen Schlüsseldienst", "Zahnimplantate", "einen Anwalt", "eine Entrümpelung"},
	"fr": {"un déménagement", "un serrurier", "un nettoyage de canapé", "des implants dentaires"},
	"es": {"mudanzas", "un cerrajero", "limpieza de alfombras", "implantes dentales"},
	"pt": {"mudança", "chaveiro", "limpeza de sofá", "implante dentário"},
	"it": {"traslochi", "un fabbro", "impianti dentali"},
	"ru": {"переезд", "ремонт квартир", "вскрытие замков", "клининг"},
	"uk": {"переїзд", "ремонт квартир"},
	"ar": {"شركة نقل أثاث", "شركة تنظيف", "مكافحة حشرات", "كشف تسربات"},
	"tr": {"nakliyat", "çilingir", "koltuk yıkama"},
	"id": {"jasa pindahan", "sedot WC", "service AC"},
	"vi": {"chuyển nhà trọn gói", "thông tắc cống", "sửa điều hòa"},
	"zh": {"搬家服务", "开锁", "装修"},
	"pl": {"przeprowadzki", "ślusarza", "sprzątania"},
	"nl": {"een verhuisbedrijf", "een slotenmaker"},
	"ja": {"引越し", "鍵開け", "不用品回収"},
	"ko": {"이사", "입주청소", "누수탐지"},
	"fa": {"باربری", "لوله بازکنی"},
	"hi": {"पैकर्स एंड मूवर्स"},
	"kk": {"көшу қызметі"},
	"uz": {"ko'chish xizmati"},
}

var goodAdvice = map[string][]string{
	"en": {"For beginners I'd recommend the official tutorial:", "If you're moving to Berlin, the city's own guide helped me a lot:",
		"For bird identification I recommend the society's field guide", "Before hiring anyone, check the licence on the regulator's register:"},
	"de": {"Für Anfänger empfehle ich das offizielle Tutorial:", "Vor dem Umzug hilft die Seite der Stadt:"},
	"fr": {"Pour débuter, je recommande le tutoriel officiel :", "Avant un déménagement, le guide de la mairie est utile :"},
	"es": {"Para empezar recomiendo el tutorial oficial:", "Antes de mudarte, mira la guía del ayuntamiento:"},
	"pt": {"Para começar recomendo o tutorial oficial:"}, "it": {"Per iniziare consiglio il tutorial ufficiale:"},
	"ru": {"Для начала советую официальный учебник:", "Перед переездом почитайте памятку на сайте мэрии:"},
	"uk": {"Для початку раджу офіційний посібник:"}, "ar": {"للمبتدئين أنصح بالدليل الرسمي:"},
	"tr": {"Yeni başlayanlara resmi eğitimi tavsiye ederim:"}, "id": {"Untuk pemula saya rekomendasikan tutorial resminya:"},
	"vi": {"Người mới thì nên xem hướng dẫn chính thức:"}, "zh": {"新手推荐看官方教程："}, "pl": {"Na początek polecam oficjalny samouczek:"},
	"nl": {"Voor beginners raad ik de officiële handleiding aan:"}, "ja": {"初心者には公式チュートリアルがおすすめです："},
	"ko": {"처음이라면 공식 튜토리얼을 추천합니다:"}, "fa": {"برای شروع آموزش رسمی را پیشنهاد می‌کنم:"},
	"hi": {"शुरुआत के लिए आधिकारिक ट्यूटोरियल देखें:"}, "kk": {"Бастау үшін ресми нұсқаулықты ұсынамын:"},
	"uz": {"Boshlash uchun rasmiy qo'llanmani tavsiya qilaman:"},
}

// pickIn picks a line of m in l's language, or English.
func (a *augmenter) pickIn(m map[string][]string, l *lang) string {
	ls := m[l.code]
	if ls == nil || a.r.IntN(6) == 0 {
		ls = m["en"]
	}
	return a.pick(ls)
}

// recommendSpam is a forum reply recommending a local business.
func (a *augmenter) recommendSpam(l *lang) string {
	line := a.pickIn(recommendLines, l)
	svc := recommendServices[l.code]
	if svc == nil || !strings.Contains(line, "%s") || recommendLines[l.code] == nil || !slices.Contains(recommendLines[l.code], line) {
		svc = recommendServices["en"]
	}
	s := fill(line, a.pick(svc))
	d := a.serviceDomain(l)
	switch a.r.IntN(4) {
	case 0:
		return s + " " + d
	case 1:
		return s + " https://" + a.pick([]string{"www.", ""}) + d + "/" + a.pick([]string{"", "services", "contact", "prices"})
	case 2:
		return s + " [url=https://" + d + "]" + a.pick(svc) + "[/url]"
	default:
		return s + " " + strings.ToUpper(d[:1]) + d[1:] + a.pick([]string{"", " 👍", "!"})
	}
}

// adviceReply is a good-faith reply recommending documentation or a
// public guide.
func (a *augmenter) adviceReply(l *lang) string {
	s := a.pickIn(goodAdvice, l)
	u := a.docsURL(l)
	if a.r.IntN(2) == 0 {
		u = a.hamURL(l)
	}
	return s + " " + u
}
