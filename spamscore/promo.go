package spamscore

// Self-promotion and promotional praise, in the languages comment and wiki
// spam is written in, lower case (matched as topics.go describes: a phrase
// that starts with a letter starts a word). Written for this project from
// what channel-promoting comments and promotional drafts say; like the
// topics, they are named features whose weights are learned against
// good-faith text that uses the same words (a band's article that names
// its channel, a company article that says it leads its market).

// selfPromoWords ask readers to watch, follow or subscribe to the writer's
// own channel, page or profile.
var selfPromoWords = []string{
	// en
	"my channel", "my youtube", "my page", "my profile", "my insta", "my tiktok", "my soundcloud", "my music", "my new song",
	"my new video", "my mixtape", "my stream", "my blog", "my art page", "my account", "follow me", "follow my", "sub to my",
	"sub to me", "subscribe to my", "sub4sub", "sub 4 sub", "small youtuber", "small creator", "small streamer",
	"check my", "check out my", "support my", "link in bio", "link in my bio", "visit my", "listen to my", "go listen",
	"1000 subs", "subscribers", "smash that",
	// de
	"mein kanal", "meinen kanal", "meinem kanal", "meine seite", "mein insta", "abonniert", "abonnieren", "folgt mir", "folg mir",
	// fr
	"ma chaîne", "ma chaine", "abonnez-vous", "abonnez vous", "abonne-toi", "abonne toi", "suivez-moi", "suivez moi", "ma page",
	"mon insta", "mon profil",
	// es
	"mi canal", "suscríbete", "suscribete", "suscríbanse", "suscribanse", "sígueme", "sigueme", "síganme", "mi página", "mi perfil",
	// pt
	"meu canal", "se inscreve", "se inscrevam", "inscreva-se", "inscrevam-se", "me segue", "me sigam", "sigam meu", "sigam o meu",
	"meu perfil", "minha página",
	// it
	"mio canale", "iscriviti", "iscrivetevi", "seguitemi", "seguite il mio", "mia pagina", "il mio profilo",
	// nl, pl, tr
	"mijn kanaal", "abonneer", "volg mij", "volg me", "mój kanał", "mojego kanału", "mój profil", "subskrybuj", "zasubskrybuj",
	"obserwuj", "kanalıma", "kanalım", "abone ol", "beni takip", "takip edin", "sayfama",
	// id, vi
	"channel aku", "channel saya", "channelku", "channel ku", "subscribe ya", "mampir ke channel", "subrek", "sub balik",
	"kênh của mình", "kênh mình", "đăng ký kênh", "ủng hộ kênh", "theo dõi mình", "kênh của em",
	// ru, uk, kk, uz
	"мой канал", "моём канале", "мою страницу", "на мой канал", "подпишись", "подпишитесь", "подписывайтесь", "мой инст",
	"мій канал", "на мій канал", "підпишіться", "підписуйтесь", "арнама", "жазылыңыз", "kanalimga", "obuna bo'ling",
	// ar, fa, hi
	"قناتي", "اشتركوا", "اشترك في", "تابعوني", "صفحتي", "کانالم", "کانال من", "فالو کنید", "سابسکرایب",
	"मेरा चैनल", "मेरे चैनल", "सब्सक्राइब", "फॉलो कर",
	// zh, ja, ko, th
	"我的频道", "关注我", "订阅我", "我的主页", "チャンネル登録", "私のチャンネル", "僕のチャンネル", "フォローお願い",
	"제 채널", "구독 부탁", "구독해주세요", "팔로우 부탁", "ช่องของฉัน", "กดติดตาม",
}

// pufferyWords are the praise promotional pages are made of ("a leading
// provider of innovative solutions"), which encyclopedic prose avoids.
var pufferyWords = []string{
	// en
	"leading provider", "industry-leading", "industry leader", "market leader", "award-winning", "world-class",
	"world-renowned", "renowned for", "innovative solutions", "innovative approach", "cutting-edge",
	"best-in-class", "trusted by", "passionate about", "team of experts", "team of experienced", "experienced professionals",
	"committed to excellence", "commitment to excellence", "customer satisfaction", "highest quality",
	"one-stop",
	"top-notch", "second to none", "exceptional service", "premier destination", "achieve their goals",
	"unlock their", "affordable prices", "unique needs", "go-to",
	// de
	"führender anbieter", "führende anbieter", "führendes unternehmen", "innovative lösungen", "innovativen lösungen",
	"höchste qualität", "höchster qualität", "erstklassig", "kundenzufriedenheit", "maßgeschneidert", "zufriedene kunden",
	"zufriedenen kunden", "preisgekrönt", "kompetente beratung",
	// fr
	"leader dans", "leader sur", "leader du", "solutions innovantes", "entreprise innovante", "savoir-faire",
	"passionnés", "sur mesure", "haut de gamme", "qualité supérieure", "satisfaction client", "incontournable", "expertise unique",
	// es
	"líder en", "empresa líder", "soluciones innovadoras", "soluciones integrales", "la excelencia", "más alta calidad",
	"calidad superior", "atención personalizada", "a la vanguardia", "comprometida con",
	// pt
	"líder em", "referência no mercado", "soluções inovadoras", "qualidade superior", "melhores profissionais",
	"atendimento de excelência",
	// it
	"leader nel", "azienda leader", "soluzioni innovative", "alta qualità", "su misura", "professionalità",
	"pluripremiat",
	// nl, pl
	"toonaangevend", "innovatieve oplossingen", "vakmanschap", "uitstekende service", "maatwerk", "hoogwaardige", "klanttevredenheid",
	"wiodąc", "innowacyjne rozwiązania", "najwyższej jakości", "profesjonalną obsługę", "kompleksowe usługi",
	// tr
	"öncü firma", "sektörün öncü", "sektörün lider", "yenilikçi çözüm", "müşteri memnuniyeti", "üstün kalite", "profesyonel ekib",
	// id, vi
	"perusahaan terdepan", "solusi inovatif", "layanan terbaik", "berkualitas tinggi",
	"hàng đầu", "chất lượng cao", "giải pháp toàn diện", "đội ngũ chuyên nghiệp",
	// ru, uk
	"ведущая компания", "ведущий поставщик", "ведущих компаний", "инновационные решения", "инновационных решений",
	"высочайшее качество", "высочайшего качества", "индивидуальный подход", "команда профессионалов", "лидер рынка",
	"провідна компанія", "інноваційні рішення", "найвищої якості", "індивідуальний підхід",
	// ar, fa, hi
	"الشركة الرائدة", "شركة رائدة", "رائدة في", "حلول مبتكرة", "أعلى جودة", "جودة عالية", "فريق محترف", "پیشرو در", "راهکارهای نوآورانه", "باکیفیت", "बेहतरीन सेवा", "अग्रणी", "उच्च गुणवत्ता",
	// zh, ja, ko
	"领先的", "行业领先", "一流的", "优质的", "创新解决方案", "专业团队", "一站式", "值得信赖",
	"業界トップ", "業界最大級", "高品質な", "革新的な", "最先端の", "선도하는", "최고의 품질", "혁신적인", "고품질",
}

// joinWords ask readers to join a channel or group: next to them an
// @handle is the channel's, not a reply's mention of another user.
var joinWords = []string{
	// en
	"join our channel", "join my channel", "join the channel", "join our group", "join the group", "join my group",
	"join our telegram", "join our community", "join our vip", "join the vip", "join channel", "join group",
	// de, fr, es, pt, it
	"unserem kanal bei", "unserer gruppe bei", "der gruppe bei", "dem kanal bei", "kanal beitreten", "gruppe beitreten",
	"rejoignez notre", "rejoins notre", "rejoignez le groupe", "rejoins le groupe", "rejoignez la chaîne", "rejoignez le canal",
	"únete a nuestro", "únete al canal", "únete al grupo", "unete al grupo", "unete al canal", "entra al grupo", "entra al canal",
	"entre no canal", "entre no grupo", "entra no grupo", "entra no canal", "participe do grupo", "junte-se ao", "junte-se à",
	"unisciti al", "unisciti alla", "entra nel gruppo", "entra nel canale",
	// nl, pl, tr, id, vi
	"word lid van", "sluit je aan bij", "dołącz do", "dolacz do", "kanala katıl", "gruba katıl", "kanalımıza katıl",
	"grubumuza katıl", "gabung grup", "gabung channel", "gabung ke", "masuk grup", "join grup", "tham gia nhóm", "tham gia kênh",
	"vào nhóm", "vào group",
	// ru, uk, kk, uz
	"вступай в", "вступайте в", "присоединяйся к", "присоединяйтесь к", "в нашу группу", "в наш канал", "заходи в канал",
	"переходи в канал", "подписывайся на канал", "приєднуйся до", "приєднуйтесь до", "в нашу групу", "у наш канал",
	"арнаға қосыл", "топқа қосыл", "kanalga qo'shiling", "guruhga qo'shiling", "kanalimizga", "guruhimizga",
	// ar, fa, hi
	"انضم إلى القناة", "انضم الى القناة", "انضم إلى المجموعة", "انضم الى المجموعة", "انضم للقناة", "انضم لقناتنا", "انضموا",
	"عضو کانال", "عضو گروه", "جوین شو", "جوین شید", "ग्रुप जॉइन", "चैनल जॉइन", "ग्रुप से जुड़", "चैनल से जुड़", "join karo", "join kare",
	// zh, ja, ko, th
	"加入群", "进群", "入群", "加群", "加入频道", "加入我们", "グループに参加", "チャンネルに参加", "オープンチャット",
	"채널 참여", "오픈채팅", "단톡방", "텔레그램 방", "เข้ากลุ่ม", "เข้าร่วมกลุ่ม",
}
