package nbsite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/store"
)

// campaignPost is one post of TestForumCampaign: who posts what where, and
// whether the bot should remove it.
type campaignPost struct {
	kind   string // "probe", "spam" or "good"
	ip     string
	handle string // a guest's handle, or the account's name when acct
	acct   bool
	topic  string // the seed topic replied to; "" opens a new topic
	title  string // the new topic's title
	what   string // a few words for the failure message
	text   string
	// gap, when set, names a known miss of a detector another change
	// owns: the post's outcome is logged, not failed, until it is fixed.
	gap string

	pid int64
}

// The campaign's addresses: three botnet /24s, and the ordinary people's.
const (
	botnetA = "100.81.12."
	botnetB = "100.81.47."
	botnetC = "100.93.6."
)

// TestForumCampaign plays a multilingual botnet campaign on a real NodeBB
// (issues 13 and 14): guests from three /24s post tracking tokens (lower
// case, mixed case, with digits, pronounceable; at the start, middle or
// end of an ordinary sentence, or inside Markdown formatting) as replies
// and new topics; they come back from other addresses of the same ranges
// with follow-up spam in Russian, Chinese, Arabic, Vietnamese, Portuguese,
// Spanish, German and Turkish, disguised as Telegram handles and t.me
// links, WhatsApp numbers, bare and obfuscated domains, Markdown links
// with commercial anchors and link-only posts. Among them, good-faith
// technical answers (code blocks, versions, hashes, stack traces, links
// to documentation and GitHub) come from guests in the probing ranges and
// elsewhere and from new accounts. The forum's links page gives it a rich
// domain history, so that a neighbour's link to a new domain is judged
// as on a mature site (not merely flagged for a thin history). Every
// probe and every spam post must
// go; no good-faith post may, and no good-faith guest's address may be
// blacklisted (a neighbour in a range the botnet confirmed may sit under
// the range's rule, never under one of its own).
func TestForumCampaign(t *testing.T) {
	f := testforum.Start(t)
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "ww.db"))
	defer st.Close()

	topics := map[string]int64{}
	for _, s := range []struct{ key, title, text string }{
		{"camera", "Raspberry Pi camera drops frames at 1080p",
			"My Pi 4 with the HQ camera records fine at 720p, but at 1080p30 every few seconds a frame is lost. Power supply is the official 3A one. Any ideas?"},
		{"postgres", "Upgrading PostgreSQL 15 to 16 on Debian",
			"We run a small PostgreSQL 15 cluster for the club's booking site. What is the least painful way to move it to 16 without a long downtime?"},
		{"sourdough", "Sourdough starter smells like nail polish",
			"My rye starter has a sharp acetone smell after two days in the fridge. Is it dead, or just hungry?"},
		{"cycling", "Winter commuting: chain rusts within a week",
			"Salted roads eat my chain. I clean and oil it every Sunday and it is orange again by Thursday. What do you use?"},
		{"python", "Script fails after moving to a new laptop",
			"A small Python script that renames photos by their EXIF date worked for years. On the new laptop it stops with an import error."},
	} {
		p, err := f.AdminTopic(ctx, s.title, s.text)
		if err != nil {
			t.Fatal(err)
		}
		topics[s.key] = p.TID
	}

	// The forum's links page: a domain history rich enough that a link
	// to a domain it lacks means "new" (bot: 50 known domains or more).
	var links strings.Builder
	links.WriteString("Links collected from past threads, by subject:\n\n")
	for _, u := range forumLinks {
		links.WriteString("- https://" + u + "\n")
	}
	if _, err := f.AdminTopic(ctx, "Useful links", links.String()); err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(14, 13))
	probes := []campaignPost{
		{ip: botnetA + "21", topic: "camera", what: "lower case at the end", text: "Thanks, the tip about the ribbon cable fixed it for me. " + token(rng, "lower")},
		{ip: botnetA + "22", topic: "sourdough", what: "mixed case at the start", text: token(rng, "mixed") + " my starter did the same after a week in the fridge."},
		{ip: botnetA + "23", topic: "cycling", what: "with digits in the middle", text: "I switched to a wax lube and " + token(rng, "digits") + " the chain has stayed clean since November."},
		{ip: botnetB + "31", topic: "postgres", what: "pronounceable in bold", text: "Following this thread. **" + token(rng, "pronounceable") + "**"},
		{ip: botnetB + "32", topic: "python", what: "lower case in italics", text: "_" + token(rng, "lower") + "_ same error here after the upgrade."},
		{ip: botnetB + "33", title: "Question about the forum rules", what: "new topic, digits at the end", text: "Is it allowed to post photos of my own garden here? " + token(rng, "digits")},
		{ip: botnetC + "41", topic: "camera", what: "mixed case as a heading", text: "## " + token(rng, "mixed") + "\n\nSame problem on my Pi 3 as well."},
		{ip: botnetC + "42", topic: "cycling", what: "pronounceable in a list", text: "What I tried so far:\n\n- a new chain\n- " + token(rng, "pronounceable") + "\n- mudguards"},
		{ip: botnetC + "43", title: "Hello from a new member", what: "new topic, lower case in a quote", text: "> " + token(rng, "lower") + "\n\nHi all, just found this place."},
		{ip: botnetA + "24", topic: "postgres", what: "pronounceable mid-sentence", text: "We moved our database last spring " + token(rng, "pronounceable") + " and it went smoothly."},
	}
	for i := range probes {
		probes[i].kind = "probe"
	}
	// Good faith during the probes: a neighbour in a probing range, with
	// identifiers and a link, and someone elsewhere.
	early := []campaignPost{
		{kind: "good", ip: botnetA + "200", handle: "kbd_tinkerer", topic: "postgres", what: "neighbour: pg_upgradecluster answer",
			text: "`pg_upgradecluster` does the heavy lifting on Debian:\n\n```\nsudo apt install postgresql-16\nsudo pg_dropcluster 16 main --stop\nsudo pg_upgradecluster -m upgrade 15 main\n```\n\nWith `-m upgrade` (hard links) our 40 GB cluster took under two minutes. Read the release notes first: https://www.postgresql.org/docs/16/release-16.html"},
		{kind: "good", ip: "198.18.7.20", handle: "breadhead", topic: "sourdough", what: "elsewhere: no links",
			text: "That smell is ethyl acetate, the starter is hungry rather than dead. Feed it 1:5:5 twice at room temperature and it will be back to normal."},
	}

	var posts []campaignPost
	post := func(ps []campaignPost, accounts map[string]*testforum.Account) {
		t.Helper()
		for _, p := range ps {
			var got testforum.Posted
			var err error
			switch {
			case p.acct && p.topic == "":
				got, err = accounts[p.handle].Topic(ctx, p.title, p.text)
			case p.acct:
				got, err = accounts[p.handle].Reply(ctx, topics[p.topic], p.text)
			case p.topic == "":
				got, err = f.GuestTopic(ctx, p.ip, p.handle, p.title, p.text)
			default:
				got, err = f.GuestReply(ctx, p.ip, p.handle, topics[p.topic], p.text)
			}
			if err != nil {
				t.Fatalf("%s %s from %s: %v", p.kind, p.what, p.ip, err)
			}
			p.pid = got.PID
			posts = append(posts, p)
		}
	}
	post(early[:1], nil)
	post(probes, nil)
	post(early[1:], nil)

	sum, err := patroller(t, f, st, 0, false).Pass(ctx)
	t.Logf("probe pass: %v", sum)
	if err != nil || sum.Errors != 0 {
		t.Fatalf("probe pass: %v, %v", sum, err)
	}
	checkCampaign(t, ctx, f, st, posts)

	accounts := map[string]*testforum.Account{}
	for name, ip := range map[string]string{"ola_nordmann": "100.70.200.5", "tuan_le": botnetB + "150"} {
		a, err := f.Register(ctx, ip, name)
		if err != nil {
			t.Fatal(err)
		}
		accounts[name] = a
	}
	post(followUps(), accounts)

	sum, err = patroller(t, f, st, 0, false).Pass(ctx)
	t.Logf("return pass: %v", sum)
	if err != nil || sum.Errors != 0 {
		t.Fatalf("return pass: %v, %v", sum, err)
	}
	checkCampaign(t, ctx, f, st, posts)

	rules, err := f.Blacklist(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("blacklist:\n%s", rules)
	for _, p := range posts {
		if p.kind != "good" || p.acct {
			continue
		}
		addr := netip.MustParseAddr(p.ip)
		for _, line := range strings.Split(rules, "\n") {
			rule, _, _ := strings.Cut(line, "#")
			rule = strings.TrimSpace(rule)
			if rule == "" {
				continue
			}
			pfx, err := netip.ParsePrefix(rule)
			if err != nil {
				if a, err := netip.ParseAddr(rule); err == nil {
					pfx = netip.PrefixFrom(a, a.BitLen())
				} else {
					continue
				}
			}
			neighbour := strings.HasPrefix(p.ip, botnetA) || strings.HasPrefix(p.ip, botnetB) || strings.HasPrefix(p.ip, botnetC)
			if pfx.Contains(addr) && (!neighbour || pfx.Bits() == addr.BitLen()) {
				t.Errorf("good-faith guest %s (%s) blacklisted by %q", p.handle, p.ip, line)
			}
		}
	}
	for name, a := range accounts {
		if banned, _, err := f.Banned(ctx, a.UID); err != nil || banned {
			t.Errorf("good-faith account %s banned: %v, %v", name, banned, err)
		}
	}
}

// checkCampaign fails for every post whose state is not what its kind
// wants, with the bot's record of it.
func checkCampaign(t *testing.T, ctx context.Context, f *testforum.Forum, st *store.Store, posts []campaignPost) {
	t.Helper()
	for _, p := range posts {
		ps, err := f.Post(ctx, p.pid)
		if err != nil {
			t.Fatal(err)
		}
		removed := !ps.Exists || ps.Deleted || !ps.TopicExists || ps.TopicDeleted
		if removed == (p.kind != "good") {
			if p.gap != "" {
				t.Logf("known gap closed, drop its mark: %s %q (post %d)", p.kind, p.what, p.pid)
			}
			if p.kind == "good" {
				if rec := describeRecord(ctx, st, p.pid); !strings.HasPrefix(rec, "ok none") {
					t.Logf("good %q (post %d from %s) left up; bot: %s", p.what, p.pid, p.ip, rec)
				}
			}
			continue
		}
		state := "still up"
		if removed {
			state = "removed"
		}
		report := t.Errorf
		if p.gap != "" {
			report = t.Logf
			state += " (known gap: " + p.gap + ")"
		}
		report("%s %q (post %d from %s): %s; bot: %s\ntext: %.300q", p.kind, p.what, p.pid, p.ip, state, describeRecord(ctx, st, p.pid), p.text)
	}
}

// describeRecord says what the bot decided on post pid and why.
func describeRecord(ctx context.Context, st *store.Store, pid int64) string {
	rec, err := st.Site("forum").Record(ctx, pid)
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %v", rec.Verdict, rec.Action, rec.Why)
	for _, r := range rec.Results {
		fmt.Fprintf(&b, "; %s %.2f", r.Detector, r.Score)
		if r.Spam > 0 {
			fmt.Fprintf(&b, " model %.2f", r.Spam)
		}
		for _, x := range r.Reasons {
			fmt.Fprintf(&b, " [%s %q %.2f]", x.Code, x.Subject, x.Weight)
		}
		for _, s := range r.Suspects {
			fmt.Fprintf(&b, " {%s %.2f}", s.Text, s.Score)
		}
	}
	return b.String()
}

// token returns a tracking token of the style: random lower-case letters,
// mixed case, letters with digits, or pronounceable syllables.
func token(rng *rand.Rand, style string) string {
	const consonants, vowels = "bcdfghjklmnprstvz", "aeiou"
	n := 9 + rng.IntN(3)
	b := make([]byte, 0, n)
	switch style {
	case "pronounceable":
		for len(b) < n {
			b = append(b, consonants[rng.IntN(len(consonants))], vowels[rng.IntN(len(vowels))])
		}
	case "digits":
		for len(b) < n {
			if len(b)%3 == 2 {
				b = append(b, byte('0'+rng.IntN(10)))
			} else {
				b = append(b, byte('a'+rng.IntN(26)))
			}
		}
	default:
		for len(b) < n {
			c := byte('a' + rng.IntN(26))
			if style == "mixed" && rng.IntN(2) == 0 {
				c -= 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// followUps is the campaign's return: spam from new addresses of the
// probing ranges, and good faith from those ranges, from elsewhere and
// from new accounts, interleaved.
func followUps() []campaignPost {
	spam := func(ip, handle, topic, title, what, text string) campaignPost {
		return campaignPost{kind: "spam", ip: ip, handle: handle, topic: topic, title: title, what: what, text: text}
	}
	good := func(ip, handle, topic, what, text string) campaignPost {
		return campaignPost{kind: "good", ip: ip, handle: handle, topic: topic, what: what, text: text}
	}
	acct := func(name, ip, topic, what, text string) campaignPost {
		return campaignPost{kind: "good", ip: ip, handle: name, acct: true, topic: topic, what: what, text: text}
	}
	return []campaignPost{
		spam(botnetA+"77", "", "camera", "", "Russian: Telegram handle and t.me",
			"Быстрые займы на карту без отказа и проверок, деньги за 5 минут! Пишите менеджеру в телеграм @zaimy_bystro24 или переходите t.me/zaimy_bystro24"),
		good(botnetA+"201", "kbd_tinkerer", "camera", "neighbour: GitHub issue and a version",
			"This is the known buffer starvation bug, see https://github.com/raspberrypi/libcamera/issues/94 — it was fixed in libcamera v0.1.0+118-563cd78e. Until your distro ships it, `rpicam-vid --buffer-count 6` works around it."),
		spam(botnetB+"120", "", "postgres", "", "Chinese: obfuscated domain and WeChat",
			"澳门线上娱乐城，新会员注册即送88元彩金，每日返水无上限！官网 www.jinsha8866 . com 客服微信同号 24小时在线"),
		spam(botnetC+"130", "", "sourdough", "", "Arabic: WhatsApp number",
			"أفضل شركة تنظيف منازل وكنب في الرياض بأسعار مخفضة وخصم 30% لفترة محدودة، اتصل الآن أو راسلنا على واتساب +966 55 812 4471"),
		good("100.66.3.14", "lucia_m", "python", "elsewhere: Spanish answer with MDN-style doc link",
			"El error viene de que en el portátil nuevo tienes Python 3.12 y el módulo `imp` ya no existe. Cámbialo por `importlib`:\n\n```python\nimport importlib.util\nspec = importlib.util.spec_from_file_location(\"exif\", ruta)\n```\n\nLa guía de migración está en https://docs.python.org/es/3.12/library/importlib.html"),
		spam(botnetA+"78", "", "", "Nhà cái uy tín nhất 2024", "Vietnamese: Markdown link with a commercial anchor",
			"Nạp tiền lần đầu nhận thưởng 100%, rút tiền siêu tốc trong 3 phút. [Đăng ký nhà cái uy tín ngay](https://vn88-thuongvip.net/dang-ky?ref=forum) để nhận quà!"),
		spam(botnetB+"121", "", "cycling", "", "Portuguese: obfuscated domain",
			"Gente, comecei a trabalhar de casa só 2 horas por dia e já recebi R$ 3.400 no Pix na primeira semana. Vagas limitadas, corre: rendaextra-facil[.]com[.]br"),
		acct("ola_nordmann", "100.70.200.5", "python", "account: Go stack trace and pkg.go.dev",
			"Not Python, but I hit the same thing porting the tool to Go. The trace was:\n\n```\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x4b7a2c]\n\ngoroutine 1 [running]:\nmain.readExif(0xc000012345)\n\t/home/ola/src/exifmv/main.go:42 +0x2c\n```\n\nThe fix was to check the error from `exif.Decode` first, as https://pkg.go.dev/github.com/rwcarlsen/goexif/exif shows."),
		spam(botnetC+"131", "", "python", "", "Spanish: WhatsApp and a bare domain",
			"¿Necesitas dinero urgente? Préstamos personales sin aval ni buró de crédito, aprobación en 10 minutos. Escríbenos por WhatsApp +52 1 55 3412 7788 o entra a creditoya-express.com.mx"),
		good(botnetB+"9", "mira.dev", "postgres", "neighbour: Russian answer with a doc link",
			"У нас было то же самое при переходе с 15 на 16. Перед `pg_upgrade` обязательно запустите его с флагом `--check`, он покажет несовместимые расширения. Подробно описано в документации: https://postgrespro.ru/docs/postgresql/16/pgupgrade"),
		spam(botnetA+"79", "", "cycling", "", "German: Markdown link with a commercial anchor",
			"Wer beim Zahnarzt sparen will: [Günstige Zahnimplantate in Ungarn](https://zahnklinik-budapest-angebot.de/preise) – bis zu 70 % billiger als in Deutschland, kostenloses Erstgespräch und Hotel inklusive!"),
		spam(botnetB+"122", "", "sourdough", "", "Turkish: t.me betting",
			"Deneme bonusu veren siteler 2024 listesi burada! Hemen üye ol, 500 TL bedava bonus kazan, çevrimsiz çekim. Güncel giriş adresi için: t.me/bahis_giris_guncel"),
		good("203.0.113.90", "velo_jan", "cycling", "elsewhere: German answer with a wiki link",
			"Im Winter fahre ich eine Kette mit Nickelbeschichtung (KMC X10 EPT) und wachse sie alle 300 km. Eine gute Übersicht über Kettenpflege gibt es hier: https://de.wikibooks.org/wiki/Fahrradwartung/_Kette"),
		spam(botnetC+"132", "", "camera", "", "link-only post",
			"https://replica-watch-outlet.shop/rolex-submariner-116610ln"),
		spam(botnetA+"80", "", "postgres", "", "link-only Markdown list",
			"[cheap flights](http://travel-deals-hub.xyz/flights)\n[hotel discounts](http://travel-deals-hub.xyz/hotels)\n[car rental deals](http://travel-deals-hub.xyz/cars)"),
		acct("tuan_le", botnetB+"150", "camera", "account in a probing range: Vietnamese answer",
			"Mình cũng gặp lỗi này trên Pi 4. Sau khi cập nhật firmware bằng `sudo rpi-update` (bản 6.1.63-v8+) và thêm `dtoverlay=imx477` vào `/boot/config.txt` thì hết mất khung hình. Tài liệu chính thức: https://www.raspberrypi.com/documentation/computers/camera_software.html"),
		spam(botnetB+"123", "", "", "Купить диплом недорого", "Russian: new topic with a bare domain",
			"Дипломы любых вузов России с занесением в реестр, доставка курьером по всей стране. Оплата после получения! Наш сайт: diplom-vsem . ru"),
		spam(botnetC+"133", "", "postgres", "", "Chinese: t.me handle for accounts",
			"出售微信号、QQ号，批量实名老号，价格优惠量大从优，需要的联系飞机 t.me/wxhao_888 或者 @wxhao_888"),
		good(botnetC+"60", "stacktrace_sam", "python", "neighbour: traceback and a Stack Overflow link",
			"Same traceback here:\n\n```\nTraceback (most recent call last):\n  File \"/home/sam/bin/renamer.py\", line 3, in <module>\n    import imp\nModuleNotFoundError: No module named 'imp'\n```\n\nRemoved in 3.12 (PEP 594). https://stackoverflow.com/questions/77385730 has the importlib replacement."),
		spam(botnetA+"81", "", "sourdough", "", "English: Telegram signals",
			"I was struggling until I joined Mrs. Helen's crypto signals group, now I make $4,800 every week from home. DM her on Telegram @HelenTradesFX she is legit!"),
		spam(botnetB+"124", "", "python", "", "Arabic: Markdown link with a commercial anchor",
			"هل تبحث عن [أفضل منصة تداول فوركس مرخصة](https://forex-arab-profit.com/register) ؟ افتح حسابك اليوم واحصل على بونص 100% على أول إيداع"),
		good(botnetA+"202", "", "sourdough", "neighbour: plain link to a how-to",
			"King Arthur's page on starter maintenance explains the acetone smell well: https://www.kingarthurbaking.com/blog/2019/05/24/sourdough-starter-maintenance"),
		spam(botnetC+"134", "", "cycling", "", "Vietnamese: WhatsApp loan",
			"Cho vay tiền nhanh không cần thế chấp, giải ngân trong 30 phút, lãi suất thấp nhất thị trường. Liên hệ WhatsApp +84 912 345 678 để được tư vấn miễn phí."),
		spam(botnetA+"82", "", "camera", "", "Portuguese: Markdown link, followers",
			"Quer crescer no Instagram? **Compre seguidores brasileiros reais** a partir de R$ 9,90 com entrega imediata: [clique aqui e garanta já](https://seguidores-br-top.com.br/comprar)"),
		good("198.18.44.7", "pg_dba_ana", "postgres", "elsewhere: hashes and a commit link",
			"Check the checksums before and after: `SELECT datname, checksum_failures FROM pg_stat_database;` should be 0 everywhere. We verified the dump with sha256 3f9c2a7e41b0d8c5e6f2a9b1c4d7e0f3a6b9c2d5e8f1a4b7c0d3e6f9a2b5c8d1 and it matched. The fix for the `pg_upgrade` locale check is commit https://github.com/postgres/postgres/commit/9a1c2f3e4b5d"),
		spam(botnetB+"125", "", "sourdough", "", "Turkish: WhatsApp number",
			"İstanbul'da evden eve nakliyat en uygun fiyatlarla, sigortalı taşımacılık ve ücretsiz ekspertiz! Hemen arayın veya WhatsApp'tan yazın: +90 532 418 77 26"),
		spam(botnetC+"135", "", "", "Kredite ohne Schufa", "German: new topic with a bare domain",
			"Sofortkredit bis 5.000 Euro ohne Schufa-Auskunft, Auszahlung noch heute. Einfach online beantragen bei KREDITBLITZ24.DE – garantiert diskret!"),
		spam(botnetA+"83", "", "python", "", "Spanish: Markdown link with a commercial anchor",
			"Si buscas [casino online con bono sin depósito](https://casino-bono-gratis.es/registro) este es el mejor de 2024, 200 giros gratis al registrarte."),
	}
}

// forumLinks are the links page's: documentation, projects and reference
// sites a hobby and programming forum cites, none of the domains the
// campaign's good-faith posts link to.
var forumLinks = []string{
	"www.kernel.org/doc/html/latest/", "www.debian.org/releases/bookworm/", "ubuntu.com/server/docs",
	"wiki.archlinux.org/title/Systemd", "www.gnu.org/software/bash/manual/", "developer.mozilla.org/en-US/docs/Web",
	"www.w3.org/TR/html52/", "datatracker.ietf.org/doc/html/rfc9110", "doc.rust-lang.org/book/", "go.dev/doc/effective_go",
	"nodejs.org/api/fs.html", "www.npmjs.com/package/express", "pypi.org/project/requests/", "requests.readthedocs.io/en/latest/",
	"www.sqlite.org/lang.html", "dev.mysql.com/doc/refman/8.0/en/", "mariadb.com/kb/en/documentation/", "redis.io/docs/latest/",
	"nginx.org/en/docs/", "httpd.apache.org/docs/2.4/", "docs.docker.com/compose/", "kubernetes.io/docs/concepts/",
	"gitlab.com/gitlab-org/gitlab", "sourceforge.net/projects/sevenzip/", "en.wikipedia.org/wiki/Compost",
	"commons.wikimedia.org/wiki/Main_Page", "www.openstreetmap.org/about", "docs.arduino.cc/language-reference/",
	"learn.adafruit.com/adafruit-bme280-humidity-barometric-pressure-temperature-sensor-breakout", "learn.sparkfun.com/tutorials/i2c",
	"docs.espressif.com/projects/esp-idf/en/latest/", "docs.kicad.org/8.0/en/pcbnew/pcbnew.html", "wiki.freecad.org/Getting_started",
	"docs.blender.org/manual/en/latest/", "docs.gimp.org/2.10/en/", "inkscape.org/learn/", "help.libreoffice.org/latest/en-US/text/scalc/main0000.html",
	"www.videolan.org/vlc/", "ffmpeg.org/ffmpeg-filters.html", "imagemagick.org/script/command-line-options.php",
	"help.gnome.org/users/gnome-help/stable/", "docs.kde.org/stable5/en/dolphin/dolphin/index.html", "docs.xfce.org/xfce/thunar/start",
	"docs.freebsd.org/en/books/handbook/", "man.openbsd.org/pf.conf", "www.netbsd.org/docs/guide/en/", "llvm.org/docs/LangRef.html",
	"cmake.org/cmake/help/latest/", "docs.gradle.org/current/userguide/userguide.html", "www.bbc.co.uk/food/techniques",
	"www.theguardian.com/lifeandstyle/gardens", "www.rhs.org.uk/vegetables/tomatoes/grow-your-own", "www.sheldonbrown.com/chains.html",
	"www.seriouseats.com/the-food-lab", "www.metoffice.gov.uk/weather/learn-about", "www.weather.gov/jetstream/",
	"www.bikeradar.com/advice/workshop", "www.kingsford.com/how-to/", "www.thekitchn.com/bread-baking-basics",
}
