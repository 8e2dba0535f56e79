package spamscore

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Topic lexicons: what spam sells, by category, in the languages spam is
// written in. Each category is one named feature, so a text in a language
// the training data lacks is still judged by its topic: a hashed n-gram
// learned in English says nothing about Vietnamese, a named "loans and
// credit" weight does. News and references name these topics too (a wiki
// article on a casino, a forum thread on Bitcoin's price); the weights are
// learned against such good-faith text, and the topics are only a part of
// the evidence next to the shape of the links and the prose.
//
// Phrases are lower case. One that starts with a letter of an alphabet
// matches at a word start only ("bet" is not in "alphabet"); one that ends
// in "$" must also end a word ("slot$" is not "slothful"). CJK, Thai and
// Arabic phrases match anywhere.
type topic int

const (
	topicEarn    topic = iota // earnings, investment, crypto returns
	topicCasino               // casinos, betting, slots
	topicLoan                 // loans, credit, debt
	topicPharma               // pills, weight loss, potency, health cures
	topicAdult                // adult content and dating
	topicSEO                  // SEO, backlinks, followers, marketing services
	topicJob                  // jobs, work from home, side income
	topicGoods                // replicas, cheap goods, essays, diplomas
	topicContact              // "write me", "DM me", "add me on": a call to a private channel
	topicPrize                // prizes, giveaways, "you have won"
	nTopics
)

var topicPhrases = [nTopics][]string{
	topicEarn: {
		// en
		"passive income", "daily profit", "weekly profit", "my profit", "profits of", "returns of", "investment platform",
		"investment plan", "invest with", "trading platform", "trading signals", "signals group", "crypto signals", "account manager",
		"earn money", "earned $", "make money", "made $", "withdrawal", "withdraw", "payout", "airdrop", "pump", "double your",
		"recover your", "recovery expert", "funds recovery", "forex", "binary option", "bitcoin", "btc$", "usdt", "crypto", "mining pool",
		"cloud mining", "financial freedom", "roi$", "100% guaranteed", "guaranteed profit", "risk-free", "get rich",
		// de
		"geld verdienen", "verdiene", "verdient", "verdienst", "gewinn", "rendite", "passives einkommen", "krypto", "anlage",
		"investier", "bitcoin-firma", "handelsplattform", "auszahlung", "reich werden",
		// fr
		"gagner de l'argent", "gagnez", "j'ai gagné", "revenu passif", "investissement", "investir", "rendement", "plateforme de trading",
		"retrait", "cryptomonnaie", "bénéfice",
		// es, pt, it
		"ganar dinero", "gana dinero", "gané", "ingresos pasivos", "inversión", "invertir", "ganancias", "rentabilidad", "retiro",
		"criptomoneda", "ganhar dinheiro", "ganhei", "renda passiva", "investimento", "lucro", "saque", "criptomoeda", "rendimento",
		"guadagna", "guadagnare", "guadagnato", "investimento", "rendita", "profitto", "prelievo",
		// nl, pl, tr, id, vi
		"geld verdienen", "verdiend", "beleggen", "rendement", "winst", "zarabia", "zarobi", "zarabi", "inwestyc", "zysk",
		"kryptowalut", "para kazan", "kazanç", "kazandım", "yatırım", "kripto", "getiri", "penghasilan", "investasi", "keuntungan",
		"profit harian", "kiếm tiền", "lợi nhuận", "đầu tư", "thu nhập", "tiền ảo",
		// ru, uk
		"заработ", "прибыл", "доход", "инвестиц", "вложени", "вывод средств", "крипт", "биткоин", "пассивн", "сигнал",
		"заробіт", "прибуток", "інвестиц", "виплат", "выплат",
		// zh, ja, ko
		"赚钱", "收益", "日赚", "月入", "投资", "理财", "币圈", "比特币", "回报", "返利", "躺赚", "稼げ", "稼ぐ", "稼い", "投資", "利益",
		"仮想通貨", "ビットコイン", "配当", "수익", "투자", "코인", "비트코인", "재테크", "고수익",
		// ar, fa, hi, th
		"ربح", "أرباح", "استثمار", "تداول", "بيتكوين", "دخل", "سود", "سرمایه", "درآمد", "بیت کوین", "कमाई", "निवेश", "मुनाफा",
		"लाभ", "รายได้", "ลงทุน", "กำไร", "เทรด",
		// sv da no fi, cs sk, ro, hu, el, he, bn, tl, sw, bg sr hr, ms
		"tjäna pengar", "passiv inkomst", "extra inkomst", "tjen penge", "tjene penger", "passiv indkomst", "passiv inntekt",
		"kryptovalut", "ansaitse", "tienaa", "passiivista tuloa", "vydělat", "vydělávejte", "výdělek", "zarobiť", "zarábajte",
		"pasivní příjem", "pasívny príjem", "kryptoměn", "kryptomien", "câștigă bani", "câștigați", "castiga bani", "venit pasiv",
		"profit garantat", "criptomonede", "pénzt keress", "keress pénzt", "pénzkereset", "passzív jövedelem", "kriptovalut",
		"κερδίστε", "κέρδος", "κέρδη", "παθητικό εισόδημα", "κρυπτονομίσματ", "להרוויח", "הרווחתי", "הכנסה פסיבית", "קריפטו",
		"ביטקוין", "আয় করুন", "টাকা আয়", "ইনকাম", "বিনিয়োগ", "kumita", "pagkakitaan", "pata pesa", "kipato", "uwekezaji",
		"печелете", "печалба", "пасивен доход", "zaradi", "zarada", "zaradite", "pasivni prihod", "зарада", "зарадите",
		"buat duit", "jana pendapatan",
	},
	topicCasino: {
		"casino", "slot$", "slots", "jackpot", "free spins", "betting", "bet$", "bets$", "bookmaker", "poker", "roulette", "blackjack",
		"sportsbook", "wager", "spielautomat", "freispiele", "sportwetten", "wetten", "spielbank", "paris sportifs", "machines à sous",
		"apuestas", "tragamonedas", "apostas", "cassino", "scommesse", "kasyno", "zakłady", "bahis", "kumar", "judi", "slot gacor",
		"maxwin", "togel", "casinò", "gokken",
		"казино", "ставк", "букмекер", "слот", "джекпот", "игровые автоматы", "фриспин", "казіно",
		"博彩", "赌场", "赌博", "老虎机", "彩票", "百家乐", "体育投注", "カジノ", "スロット", "ギャンブル", "パチンコ", "카지노", "슬롯", "토토",
		"바카라", "도박", "كازينو", "مراهنات", "قمار", "کازینو", "شرط بندی", "คาสิโน", "สล็อต", "แทงบอล", "บาคาร่า", "cá cược", "nhà cái",
		"sòng bạc", "nổ hũ", "कैसीनो", "सट्टा",
	},
	topicLoan: {
		"payday loan", "loan$", "loans", "lender", "no credit check", "bad credit", "credit repair", "debt relief", "mortgage rates",
		"cash advance", "kredit", "sofortkredit", "schufa", "darlehen", "privatkredit", "crédit", "prêt", "rachat de crédit", "préstamo",
		"prestamo", "crédito", "credito", "empréstimo", "emprestimo", "prestito", "prestiti", "finanziamento", "pożyczk", "chwilówk",
		"kredyt", "lening", "krediet", "kredi ", "borç", "pinjaman", "pinjol", "vay tiền", "vay nhanh", "khoản vay",
		"кредит", "займ", "микрозайм", "заём", "позик", "ипотек",
		"贷款", "借款", "信用卡套现", "网贷", "キャッシング", "ローン", "借入", "消費者金融", "대출", "신용대출", "قرض", "قروض", "تمويل",
		"وام", "ऋण", "लोन", "สินเชื่อ", "เงินกู้",
	},
	topicPharma: {
		"viagra", "cialis", "levitra", "kamagra", "tramadol", "xanax", "oxycodone", "pharmacy", "no prescription", "without prescription",
		"weight loss", "lose weight", "diet pills", "keto", "fat burn", "penis", "erectile", "enlargement", "male enhancement", "cbd oil",
		"gummies", "hair loss", "potenz", "abnehmen", "ohne rezept", "apotheke", "pharmacie", "sans ordonnance", "maigrir", "minceur",
		"farmacia", "sin receta", "adelgazar", "sem receita", "emagrecer", "dimagrire", "senza ricetta", "odchudzanie", "apteka",
		"bez recepty", "zayıflama", "eczane", "obat kuat", "pelangsing", "thuốc", "giảm cân",
		"похуден", "потенци", "аптек", "без рецепта", "виагр", "схуднен",
		"减肥", "壮阳", "伟哥", "药", "ダイエット", "精力剤", "痩せ", "다이어트", "비아그라", "정력", "تخسيس", "فياجرا", "رجيم", "لاغری",
		"ลดน้ำหนัก", "ยาเพิ่ม", "वजन घटाने",
	},
	topicAdult: {
		"sexy", "porn", "xxx", "nude", "naked", "horny", "hot girls", "milf", "escort", "dating site", "dating app", "hookup", "webcam",
		"lonely", "single women", "sex chat", "sex$", "nsfw", "onlyfans", "18+", "sexkontakte", "rencontre", "citas", "encontro",
		"incontri", "randki", "sohbet", "bokep", "gái gọi",
		"секс", "знакомств", "интим", "эскорт", "порно", "шлюх", "проститут",
		"约炮", "成人", "色情", "裸聊", "出会い", "アダルト", "エロ", "風俗", "성인", "만남", "야동", "조건만남", "سكس", "جنس", "تعارف",
		"سکس", "หนังโป๊", "เซ็กซ์", "सेक्स",
	},
	topicSEO: {
		"seo", "backlink", "link building", "guest post", "page rank", "first page of google", "rank your", "traffic to your",
		"followers", "subscribers", "likes and", "views on your", "digital marketing", "web design company", "marketing agency",
		"social media marketing", "smm", "promotion of", "website promotion", "suchmaschinenoptimierung", "référencement",
		"posicionamiento", "posicionamento", "seguidores", "abonnés", "follower", "obserwując", "takipçi", "pengikut",
		"người theo dõi", "продвижение сайт", "раскрутк", "подписчик", "накрутк", "прогон", "ссылочн",
		"推广", "排名", "粉丝", "刷", "引流", "集客", "フォロワー", "팔로워", "마케팅", "홍보", "متابعين", "سيو", "تسويق", "فالوور",
		"ผู้ติดตาม",
	},
	topicJob: {
		"work from home", "from home", "remote job", "part-time job", "part time job", "side hustle", "hiring now", "job offer",
		"per day", "a day", "per hour", "no experience", "only a phone", "homeoffice", "nebenjob", "heimarbeit", "nebenverdienst",
		"pro tag", "am tag", "travail à domicile", "par jour", "trabajo desde casa", "al día", "por día", "trabalho em casa",
		"por dia", "renda extra", "lavoro da casa", "al giorno", "praca w domu", "dziennie", "evden", "günlük", "kerja dari rumah",
		"per hari", "việc làm", "tại nhà", "mỗi ngày",
		"работа на дому", "удаленн", "подработк", "в день", "вакансия", "робота вдома", "на день",
		"兼职", "在家", "日结", "手机就能", "招聘", "副業", "在宅", "日給", "부업", "재택", "일당", "알바", "العمل من المنزل", "يوميا", "وظيفة",
		"کار در خانه", "घर से काम", "งานออนไลน์", "ทำงานที่บ้าน",
		"jobba hemifrån", "arbeta hemifrån", "om dagen", "per dag", "extrajobb", "arbejde hjemmefra", "jobbe hjemmefra",
		"kotoa käsin", "päivässä", "z domova", "brigáda", "de acasă", "de acasa", "pe zi", "otthonról",
		"otthoni munka", "από το σπίτι", "την ημέρα", "τη μέρα", "עבודה מהבית", "מהבית", "ঘরে বসে",
		"sa bahay", "kada araw", "bawat araw", "kwa siku", "kazi ya nyumbani", "kazi mtandaoni", "от вкъщи", "на ден", "od kuće",
		"od kuce", "од куће", "dari rumah",
	},
	topicGoods: {
		"replica", "cheap", "discount", "best price", "wholesale", "outlet", "buy ", "order now", "free shipping", "essay", "term paper",
		"homework help", "diploma", "fake id", "counterfeit", "jerseys", "handbags", "ugg", "louboutin", "rolex", "günstig", "billig",
		"rabatt", "pas cher", "promo", "réduction", "barato", "descuento", "oferta", "promoção", "desconto", "sconto", "tani",
		"promocja", "ucuz", "indirim", "murah", "diskon", "giá rẻ", "khuyến mãi",
		"купить", "дешев", "скидк", "недорог", "диплом", "реплик", "куплю", "продам", "купити", "знижк",
		"购买", "便宜", "折扣", "优惠", "代写", "代购", "高仿", "激安", "格安", "割引", "コピー", "통販", "할인", "최저가", "구매",
		"اشتري", "خصم", "رخيص", "تخفیف", "ارزان", "सस्ता", "छूट", "ราคาถูก", "ลดราคา",
	},
	topicContact: {
		"dm me", "message me", "text me", "write me", "write to me", "contact me", "inbox me", "pm me", "reach me", "hit me up",
		"add me", "whatsapp me", "chat me", "contact her", "contact him", "contact them", "reach out to", "schreib mir", "schreiben sie mir",
		"melde dich", "kontaktiere", "écris-moi", "écrivez-moi", "contactez-moi", "escríbeme", "escribeme", "contáctame",
		"me chama", "chama no", "me escreva", "fale comigo", "scrivimi", "contattami", "napisz do mnie", "napisz", "pisz",
		"bana yaz", "yazın", "ulaşın", "hubungi", "chat aku", "wa aku", "inbox", "liên hệ", "nhắn tin", "ib mình", "inbox mình",
		"пиши", "пишите", "напиши", "обращайтесь", "в лс", "в личк", "звоните", "пишіть", "напишіть",
		"私信", "加我", "联系我", "加微信", "加v", "私聊", "dmください", "連絡", "ライン追加", "연락", "문의", "카톡", "راسلني",
		"تواصل معي", "اتصل بي", "واتساب", "پیام بدید", "संपर्क करें", "ติดต่อ", "แอดไลน์",
		"skriv till mig", "kontakta mig", "hör av dig", "skriv til mig", "skriv til meg", "kontakt mig", "kontakt meg",
		"ota yhteyttä", "laita viestiä", "napište mi", "napiš mi", "napíšte mi", "kontaktujte", "scrie-mi", "scrieți-mi",
		"contactați", "contactează", "írj nekem", "írjon", "keress meg", "στείλτε μήνυμα", "επικοινωνήστε", "γράψτε μου",
		"כתבו לי", "צרו קשר", "שלחו הודעה", "যোগাযোগ করুন", "ইনবক্স", "pm mo ako", "message mo ako", "wasiliana nami",
		"nitumie ujumbe", "пишете ми", "свържете се", "pišite mi", "javite se", "kontaktirajte", "hubungi saya", "pm saya",
		// "in private messages": where chat offers send the reader.
		"in dm", "via dm", "send a dm", "dm for", "in pm", "via pm", "per pn", "per dm", "per privatnachricht", "schreibt mir",
		"en dm", "en privé", "por dm", "al dm", "por md", "por privado", "al privado", "no pv", "no privado",
		"na dm", "in privato", "na priv", "na pw", "özelden", "dm'den", "dm at", "в директ", "в приват",
		"в особисті", "в дірект", "lichkada", "lichkaga", "shaxsiy xabar", "жеке хабарлама", "dm aja", "japri", "nhắn riêng",
		"على الخاص", "في الخاص", "راسلنا", "پیوی", "دایرکت", "डीएम", "इनबॉक्स", "私我", "dmまで", "dmで", "디엠", "개인 메시지",
	},
	topicPrize: {
		// "You have won" and giveaways; not "winner", "award" or "prize"
		// alone, which encyclopedias name every day.
		"you have won", "you've won", "you won", "you are the winner", "win $", "win £", "win €", "claim your", "claim now",
		"congratulations!", "gift card", "free voucher", "giveaway", "sweepstake", "lottery", "lucky draw",
		"hast gewonnen", "haben gewonnen", "gewinnspiel", "vous avez gagné", "tu as gagné", "has ganado", "ha ganado", "sorteo",
		"você ganhou", "sorteio", "hai vinto", "ha vinto", "omaggio", "wygrałeś", "wygrałaś", "kazandınız", "çekiliş", "selamat anda",
		"anda memenangkan", "trúng thưởng", "bạn đã trúng", "winactie", "je hebt gewonnen",
		"вы выиграли", "ты выиграл", "розыгрыш", "поздравляем! вы", "ви виграли", "розіграш",
		"中奖", "抽奖", "恭喜您", "当選しました", "抽選で", "당첨되", "경품", "ربحت", "لقد فزت", "سحب على", "برنده شدید",
		"आपने जीता", "लॉटरी", "ถูกรางวัล", "ลุ้นรับ",
	},
}

// topicNames are the named features of the topics, in order.
var topicNames = [nTopics]string{
	"earnings, investment or crypto returns", "casino or betting", "loans or credit", "pills, weight loss or cures",
	"adult or dating", "SEO, followers or marketing services", "jobs or work from home", "cheap goods, replicas or essays",
	"a call to write privately (DM me, пиши, 加我)", "a prize or giveaway (you have won, 抽奖)",
}

// phraseMatcher finds many phrases in one pass over a lower-case text
// (Aho–Corasick over bytes). Its automaton is flat: the root's edges in a
// table of 256, every other state's edges in one run of edgeBytes and
// edgeNext (most states have one), so that a pass costs a few array reads
// a byte, not a map lookup.
type phraseMatcher struct {
	root      [256]int32 // the root's edges; 0 for none
	edgeFrom  []int32    // state s's edges are edgeFrom[s]:edgeFrom[s+1]
	edgeBytes []byte
	edgeNext  []int32
	fail      []int32
	outFrom   []int32 // phrase ids ending at state s (with those of fail states): outIDs[outFrom[s]:outFrom[s+1]]
	outIDs    []int32
	words     []matchPhrase
}

type matchPhrase struct {
	list      int  // index of the phrase's list
	n         int  // length in bytes
	wordStart bool // must start a word
	wordEnd   bool // must end a word
}

// phraseList is a list of lower-case phrases. Unless anywhere is set, a
// phrase that starts with a letter of an alphabet must start a word, and
// one written with a final "$" must end one.
type phraseList struct {
	phrases  []string
	anywhere bool
}

func newPhraseMatcher(lists []phraseList) *phraseMatcher {
	// The trie and its failure links, built with maps, then flattened.
	next := []map[byte]int32{{}}
	fail := []int32{0}
	out := [][]int32{nil}
	m := &phraseMatcher{}
	for t, l := range lists {
		for _, p := range l.phrases {
			end := !l.anywhere && len(p) > 1 && p[len(p)-1] == '$'
			if end {
				p = p[:len(p)-1]
			}
			r, _ := utf8.DecodeRuneInString(p)
			id := int32(len(m.words))
			m.words = append(m.words, matchPhrase{list: t, n: len(p), wordStart: !l.anywhere && alphabetic(r), wordEnd: end})
			s := int32(0)
			for i := 0; i < len(p); i++ {
				n, ok := next[s][p[i]]
				if !ok {
					n = int32(len(next))
					next = append(next, map[byte]int32{})
					fail = append(fail, 0)
					out = append(out, nil)
					next[s][p[i]] = n
				}
				s = n
			}
			out[s] = append(out[s], id)
		}
	}
	// Breadth-first failure links.
	queue := make([]int32, 0, len(next))
	for _, c := range slices.Sorted(maps.Keys(next[0])) {
		queue = append(queue, next[0][c])
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, c := range slices.Sorted(maps.Keys(next[s])) {
			n := next[s][c]
			f := fail[s]
			for {
				if g, ok := next[f][c]; ok && g != n {
					fail[n] = g
					break
				}
				if f == 0 {
					break
				}
				f = fail[f]
			}
			out[n] = append(out[n], out[fail[n]]...)
			queue = append(queue, n)
		}
	}
	for c, n := range next[0] {
		m.root[c] = n
	}
	m.fail = fail
	m.edgeFrom = make([]int32, len(next)+1)
	m.outFrom = make([]int32, len(next)+1)
	for s := range next {
		m.edgeFrom[s] = int32(len(m.edgeBytes))
		if s > 0 {
			for _, c := range slices.Sorted(maps.Keys(next[s])) {
				m.edgeBytes = append(m.edgeBytes, c)
				m.edgeNext = append(m.edgeNext, next[s][c])
			}
		}
		m.outFrom[s] = int32(len(m.outIDs))
		m.outIDs = append(m.outIDs, out[s]...)
	}
	m.edgeFrom[len(next)] = int32(len(m.edgeBytes))
	m.outFrom[len(next)] = int32(len(m.outIDs))
	return m
}

// alphabetic reports whether r is a letter of a script that separates
// words with spaces.
func alphabetic(r rune) bool {
	return r < 0x250 && unicode.IsLetter(r) || r >= 0x370 && r < 0x530 || r >= 0x1E00 && r < 0x1F00
}

// step returns the state after byte c from state s (s > 0), or -1 when s
// has no such edge.
func (m *phraseMatcher) step(s int32, c byte) int32 {
	for k := m.edgeFrom[s]; k < m.edgeFrom[s+1]; k++ {
		if m.edgeBytes[k] == c {
			return m.edgeNext[k]
		}
	}
	return -1
}

// count counts the phrases of each list found in lower, each phrase
// once, into counts (one per list, at most 255).
func (m *phraseMatcher) count(lower string, counts []uint8) {
	var seenBuf [32]int32
	seen := seenBuf[:0]
	s := int32(0)
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		for {
			if s == 0 {
				s = m.root[c]
				break
			}
			if n := m.step(s, c); n >= 0 {
				s = n
				break
			}
			s = m.fail[s]
		}
		for _, id := range m.outIDs[m.outFrom[s]:m.outFrom[s+1]] {
			w := m.words[id]
			start := i + 1 - w.n
			if w.wordStart && start > 0 {
				if r, _ := utf8.DecodeLastRuneInString(lower[:start]); unicode.IsLetter(r) || r >= '0' && r <= '9' {
					continue
				}
			}
			if w.wordEnd && i+1 < len(lower) {
				if r, _ := utf8.DecodeRuneInString(lower[i+1:]); unicode.IsLetter(r) {
					continue
				}
			}
			if slices.Contains(seen, id) {
				continue
			}
			seen = append(seen, id)
			if counts[w.list] < 255 {
				counts[w.list]++
			}
		}
	}
}

// The phrase lists one pass finds: the topics, then the older lists of
// features.go, which match anywhere.
const (
	listCTA = int(nTopics) + iota
	listLure
	listFree
	listUrgency
	listAdult
	listSelfPromo
	listPuffery
	listJoin
	nLists
)

var phrases = func() *phraseMatcher {
	lists := make([]phraseList, nLists)
	for t := range topicPhrases {
		lists[t] = phraseList{phrases: topicPhrases[t]}
	}
	lists[listCTA] = phraseList{ctaWords, true}
	lists[listLure] = phraseList{lureWords, true}
	lists[listFree] = phraseList{freeWords, true}
	lists[listUrgency] = phraseList{urgencyWords, true}
	lists[listAdult] = phraseList{adultWords, true}
	lists[listSelfPromo] = phraseList{phrases: selfPromoWords}
	lists[listPuffery] = phraseList{phrases: pufferyWords}
	lists[listJoin] = phraseList{phrases: joinWords}
	return newPhraseMatcher(lists)
}()

// SellsTopic reports whether s names something spam sells (earnings,
// casinos, loans, pills, adult content, SEO, jobs, cheap goods, prizes) in
// any of the topic lexicons' languages. The bot reads a link's address
// with it: a slug such as "/blog/replica-watches" says what the link
// promotes when its text says nothing. Hyphens, underscores and slashes
// read as spaces.
func SellsTopic(s string) bool {
	lower := []byte(strings.ToLower(s))
	for i, c := range lower {
		if c == '-' || c == '_' || c == '/' || c == '+' {
			lower[i] = ' '
		}
	}
	var counts [nLists]uint8
	phrases.count(string(lower), counts[:])
	for t := range topicContact {
		if counts[t] > 0 {
			return true
		}
	}
	return counts[topicPrize] > 0
}
