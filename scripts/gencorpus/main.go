// Command gencorpus writes a synthetic corpus of local-government news
// reports as JSON Lines (id, title, date, source, text), for benchmarks.
//
// Everything is invented but shaped like the genre kg reads: a few hundred
// counties, districts and cities, each with a standing roster of officials
// (party secretary, head of government, deputies, people's congress and
// CPPCC leaders, department heads, town secretaries) who recur in report
// after report; meetings, inspections, appointments and removals (which
// change the roster as time goes on), commendation ceremonies and
// receptions of delegations. The same seed gives the same corpus.
//
//	go run ./scripts/gencorpus -n 10000 -seed 1 > corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 10000, "number of reports")
	seed := flag.Uint64("seed", 1, "random seed (the same seed gives the same corpus)")
	places := flag.Int("places", 0, "number of jurisdictions (default: n/30, at least 20)")
	out := flag.String("o", "-", "output file (- for standard output)")
	flag.Parse()
	w := os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	g := newGen(*seed, *places, *n)
	if err := g.write(bw, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// Report is one line of the output.
type Report struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	// Jurisdiction is the government whose site published the report, as
	// a crawler knows it.
	Jurisdiction string `json:"jurisdiction"`
	Text         string `json:"text"`
}

// Name pools. Given-name characters avoid those that the extractor treats
// as function words or title parts.
var (
	commonSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞柳甘祝舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳柴鲍喻祁蒲滕饶艾尤穆卓缪简娄窦戚岑景费卜冷晏米柏瞿桂佟臧闵邬卞姬栾隋巫寇桑郎甄仝蔺禚")
	givenChars     = []rune("建国明华志军伟强丽敏静晓海涛平红文立玉春秋霞峰宇振庆远东雪梅兰雅琴思睿博斌刚辉勇杰鹏浩然宏亮鑫磊婷娟燕芳萍颖蕾岚帆航毅嘉欣怡慧瑞祥永福寿荣光耀德仁义礼智信诚忠恒源泽润清澜波洪涵瀚锋锐铭鸣凤翔云霖雨霁晨曦阳旭彬彦宁靖安康健伦超群卓越凯旋茂盛松柏桐楠枫岩崇峻巍嵘昆仑")
	placeChars     = []rune("青云石桥河泉山丰溪川华岭湖塘坪坝洲滨源林汀岚峪泽沧澄洛淇渭汾涟浔沂湘漓沅澧黔滇岷邛蓉梧桂榕椿栖凤鹤鹿麟龙虎狮象盘磐嵩岱峨崂崆峒")
	townSuffix     = []string{"镇", "镇", "镇", "乡", "街道"}
	villageSuffix  = []string{"村", "社区"}
	topics         = []string{"优化营商环境", "重点项目攻坚推进", "安全生产", "乡村振兴", "生态环境保护", "经济运行分析", "招商引资", "防汛抗旱", "森林防灭火", "民营经济发展", "教育高质量发展", "卫生健康", "党风廉政建设", "基层治理", "文明城市创建", "信访工作", "科技创新", "农村人居环境整治", "冬春火灾防控", "粮食生产", "城市更新", "文旅融合发展", "消费提振", "就业创业", "养老服务", "河湖长制", "耕地保护", "营商环境评价", "数字经济", "平安建设"}
	meetingKinds   = []string{"推进会议", "工作会议", "调度会", "部署会", "动员会", "现场会", "座谈会", "专题会议"}
	verbsSpoke     = []string{"通报了", "汇报了", "部署了", "宣读了", "总结了"}
	reportItems    = []string{"2023年度工作情况", "一季度经济运行情况", "重点任务推进情况", "相关实施方案", "考核结果", "问题整改情况", "上半年工作完成情况", "专项行动方案"}
	bureaus        = []string{"教育局", "财政局", "公安局", "民政局", "人社局", "卫健委", "应急管理局", "发改局", "自然资源局", "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "文化和旅游局", "市场监督管理局", "生态环境局"}
	honours        = []string{"优秀共产党员", "劳动模范", "最美志愿者", "道德模范", "优秀乡村医生", "最美教师", "乡村振兴先进个人", "见义勇为先进个人"}
	fillers        = []string{
		"要坚持以人民为中心的发展思想，把各项工作做细做实，确保取得实效。",
		"要进一步压实责任，强化协调配合，形成工作合力。",
		"要对标先进找差距，在审批提速、要素保障、诚信履约上再下功夫。",
		"要紧盯年度目标不放松，一月一调度、一季一观摩，确保各项任务落地见效。",
		"要严肃工作纪律，对推诿扯皮、敷衍塞责的行为发现一起、查处一起。",
		"要坚持问题导向，建立清单、限时办结、跟踪问效。",
		"要主动靠前服务，及时帮助企业和群众解决实际困难。",
		"过去一年，全县上下攻坚克难，主要指标好于预期，成绩来之不易。",
		"当前正处于全年工作的关键期，各项任务艰巨繁重，容不得半点松懈。",
		"要统筹发展和安全，守牢安全生产底线，切实维护社会大局稳定。",
		"各级各部门要把思想和行动统一到上级决策部署上来，以只争朝夕的紧迫感和时不我待的责任感，推动各项工作落地落实。",
		"要坚持“项目为王”，实行领导包联重点项目制度，一个项目一个专班，全力以赴抓开工、促投产、见实效。",
		"要加强督促检查，对工作推进不力、进展缓慢的，及时通报、严肃问责，确保各项目标任务按时保质完成。",
		"要持续深化作风建设，大兴调查研究之风，推动干部沉到一线、干在实处，切实为基层减负、为群众解忧。",
		"要强化要素保障，在用地、资金、用工等方面精准施策，帮助企业渡过难关、做大做强。",
		"要坚持和发展新时代“枫桥经验”，及时就地化解矛盾纠纷，把问题解决在基层、化解在萌芽状态。",
	}
	figures = []string{
		"今年以来，全%s新签约亿元以上项目%d个，完成固定资产投资%d亿元，同比增长%d.%d%%。",
		"截至目前，全%s市场主体总量突破%d万户，累计帮助企业解决各类困难问题%d个，兑现惠企资金%d.%d亿元。",
		"%d年，全%s地区生产总值增长%d.%d%%，城乡居民人均可支配收入分别增长%d.%d%%和%d.%d%%。",
	}
)

type official struct {
	name  string
	title string // as written after the jurisdiction's short form: 县委常委、副县长
}

type town struct {
	name      string
	secretary string
	head      string
	villages  []string
}

type place struct {
	idx     int
	name    string // 青溪县
	kind    string // 县, 区, 市
	code    string // for URLs
	secr    official
	head    official
	exec    official   // 常务副
	deps    []official // 副县长
	org     official   // 组织部长
	prop    official   // 宣传部长
	npc     official   // 人大常委会主任
	npcDeps []official
	ppcc    official // 政协主席
	ppDeps  []official
	chiefs  map[string]string // bureau → chief
	towns   []town
	session int // people's congress standing committee session count
}

type gen struct {
	r      *rand.Rand
	places []*place
	used   map[string]bool // names in use within a place: place|name
	weight []float64       // cumulative, Zipf-like
}

func newGen(seed uint64, nPlaces, nReports int) *gen {
	if nPlaces <= 0 {
		nPlaces = max(20, nReports/30)
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), used: map[string]bool{}}
	names := map[string]bool{}
	total := 0.0
	for i := 0; i < nPlaces; i++ {
		var name string
		kind := []string{"县", "县", "区", "市"}[g.r.IntN(4)]
		for {
			name = g.pick2(placeChars) + kind
			if !names[name] {
				break
			}
		}
		names[name] = true
		p := &place{idx: i, name: name, kind: kind, code: fmt.Sprintf("j%04d", i), chiefs: map[string]string{}, session: 1 + g.r.IntN(20)}
		k := kind
		p.secr = official{g.person(p), k + "委书记"}
		p.head = official{g.person(p), k + "委副书记、" + k + "长"}
		p.exec = official{g.person(p), k + "委常委、常务副" + k + "长"}
		for j := 0; j < 2+g.r.IntN(3); j++ {
			t := "副" + k + "长"
			if j == 0 {
				t = k + "委常委、副" + k + "长"
			}
			p.deps = append(p.deps, official{g.person(p), t})
		}
		p.org = official{g.person(p), k + "委常委、组织部部长"}
		p.prop = official{g.person(p), k + "委常委、宣传部部长"}
		p.npc = official{g.person(p), k + "人大常委会主任"}
		for j := 0; j < 2; j++ {
			p.npcDeps = append(p.npcDeps, official{g.person(p), k + "人大常委会副主任"})
		}
		p.ppcc = official{g.person(p), k + "政协主席"}
		for j := 0; j < 2; j++ {
			p.ppDeps = append(p.ppDeps, official{g.person(p), k + "政协副主席"})
		}
		for _, b := range bureaus {
			if g.r.IntN(3) > 0 {
				p.chiefs[b] = g.person(p)
			}
		}
		tn := map[string]bool{}
		for j := 0; j < 3+g.r.IntN(4); j++ {
			var t string
			for {
				t = g.pick2(placeChars) + townSuffix[g.r.IntN(len(townSuffix))]
				if !tn[t] && !names[t] {
					break
				}
			}
			tn[t] = true
			tw := town{name: t, secretary: g.person(p), head: g.person(p)}
			for v := 0; v < 3; v++ {
				tw.villages = append(tw.villages, g.pick2(placeChars)+villageSuffix[g.r.IntN(2)])
			}
			p.towns = append(p.towns, tw)
		}
		g.places = append(g.places, p)
		total += 1 / float64(i+1)
		g.weight = append(g.weight, total)
	}
	return g
}

func (g *gen) pick2(pool []rune) string {
	a, b := pool[g.r.IntN(len(pool))], pool[g.r.IntN(len(pool))]
	for b == a {
		b = pool[g.r.IntN(len(pool))]
	}
	return string([]rune{a, b})
}

// person invents a name not yet used in the place.
func (g *gen) person(p *place) string {
	for {
		n := string(commonSurnames[g.r.IntN(len(commonSurnames))])
		n += string(givenChars[g.r.IntN(len(givenChars))])
		if g.r.IntN(5) > 0 {
			n += string(givenChars[g.r.IntN(len(givenChars))])
		}
		k := p.name + "|" + n
		if !g.used[k] {
			g.used[k] = true
			return n
		}
	}
}

// somePlace picks a jurisdiction, the big ones more often.
func (g *gen) somePlace() *place {
	x := g.r.Float64() * g.weight[len(g.weight)-1]
	lo, hi := 0, len(g.weight)-1
	for lo < hi {
		m := (lo + hi) / 2
		if g.weight[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	// Zipf over the first places alone is too steep: mix with uniform.
	if g.r.IntN(2) == 0 {
		return g.places[g.r.IntN(len(g.places))]
	}
	return g.places[lo]
}

func (g *gen) write(w *bufio.Writer, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	start := time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)
	days := max(365, n/8) // about eight reports a day
	for i := 0; i < n; i++ {
		d := start.AddDate(0, 0, i*days/n)
		p := g.somePlace()
		var title, text string
		switch x := g.r.IntN(100); {
		case x < 45:
			title, text = g.meeting(p, d)
		case x < 65:
			title, text = g.inspection(p, d)
		case x < 77:
			title, text = g.appointment(p, d)
		case x < 88:
			title, text = g.commendation(p, d)
		default:
			title, text = g.reception(p, d)
		}
		rep := Report{
			ID:           fmt.Sprintf("syn%06d", i),
			Title:        title,
			Date:         d.Format("2006-01-02"),
			Source:       fmt.Sprintf("https://www.example.gov.cn/%s/xwzx/%s/t%s_%06d.html", p.code, d.Format("200601"), d.Format("20060102"), i),
			Jurisdiction: p.name,
			Text:         text,
		}
		if err := enc.Encode(rep); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) filler(b *strings.Builder, p *place, k int) {
	for i := 0; i < k; i++ {
		b.WriteString(strings.ReplaceAll(fillers[g.r.IntN(len(fillers))], "全县", "全"+p.kind))
	}
}

// figure writes a sentence of statistics.
func (g *gen) figure(b *strings.Builder, p *place, year int) {
	r := g.r
	switch i := r.IntN(len(figures)); i {
	case 0:
		fmt.Fprintf(b, figures[i], p.kind, 10+r.IntN(90), 20+r.IntN(300), r.IntN(20), r.IntN(10))
	case 1:
		fmt.Fprintf(b, figures[i], p.kind, 2+r.IntN(20), 50+r.IntN(900), r.IntN(10), r.IntN(10))
	default:
		fmt.Fprintf(b, figures[i], year-1, p.kind, 3+r.IntN(6), r.IntN(10), 3+r.IntN(5), r.IntN(10), 5+r.IntN(5), r.IntN(10))
	}
}

func dayPart(r *rand.Rand) string { return []string{"上午", "下午", "", ""}[r.IntN(4)] }

func monthDay(d time.Time) string { return fmt.Sprintf("%d月%d日", int(d.Month()), d.Day()) }

// eventDay is the day before the report, or the same day.
func eventDay(r *rand.Rand, d time.Time) time.Time { return d.AddDate(0, 0, -r.IntN(2)) }

func (g *gen) meeting(p *place, d time.Time) (string, string) {
	k := p.kind
	topic := topics[g.r.IntN(len(topics))]
	ev := "全" + k + topic + meetingKinds[g.r.IntN(len(meetingKinds))]
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s，%s召开%s，总结前期工作，安排部署下一阶段重点任务。", monthDay(eventDay(g.r, d)), dayPart(g.r), p.name, ev)
	fmt.Fprintf(&b, "%s%s出席会议并讲话，%s%s主持会议。\n\n", p.secr.title, p.secr.name, p.head.title, p.head.name)
	fmt.Fprintf(&b, "%s%s%s%s；", p.exec.title, p.exec.name, verbsSpoke[g.r.IntN(len(verbsSpoke))], reportItems[g.r.IntN(len(reportItems))])
	dep := p.deps[g.r.IntN(len(p.deps))]
	fmt.Fprintf(&b, "%s%s%s%s。", dep.title, dep.name, verbsSpoke[g.r.IntN(len(verbsSpoke))], reportItems[g.r.IntN(len(reportItems))])
	t1, t2 := p.towns[g.r.IntN(len(p.towns))], p.towns[g.r.IntN(len(p.towns))]
	if t1.name != t2.name {
		fmt.Fprintf(&b, "%s、%s和%s%s负责同志作表态发言。", t1.name, t2.name, k, bureaus[g.r.IntN(len(bureaus))])
	}
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "会议传达学习了上级有关会议精神，听取了全%s%s工作情况汇报，研究部署了下一阶段重点工作。", k, topic)
	g.figure(&b, p, d.Year())
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "%s指出，", p.secr.name)
	g.filler(&b, p, 3)
	fmt.Fprintf(&b, "%s强调，", p.secr.name)
	g.filler(&b, p, 3)
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "%s在主持时要求，", p.head.name)
	g.filler(&b, p, 2)
	b.WriteString("\n\n")
	// the other leaders present
	var bare []string
	for _, o := range p.deps[1:] {
		if g.r.IntN(2) == 0 {
			bare = append(bare, o.name)
		}
	}
	if g.r.IntN(2) == 0 {
		bare = append(bare, p.org.name)
	}
	if g.r.IntN(2) == 0 {
		bare = append(bare, p.prop.name)
	}
	if len(bare) > 0 {
		fmt.Fprintf(&b, "%s领导%s，", k, strings.Join(bare, "、"))
	}
	nd := p.npcDeps[g.r.IntN(len(p.npcDeps))]
	pd := p.ppDeps[g.r.IntN(len(p.ppDeps))]
	fmt.Fprintf(&b, "%s%s，%s%s出席会议。各乡镇（街道）、%s直有关部门主要负责同志参加会议。\n", nd.title, nd.name, pd.title, pd.name, k)
	return ev + "召开", b.String()
}

func (g *gen) inspection(p *place, d time.Time) (string, string) {
	k := p.kind
	t := p.towns[g.r.IntN(len(p.towns))]
	v := t.villages[g.r.IntN(len(t.villages))]
	topic := topics[g.r.IntN(len(topics))]
	lead := p.secr
	if g.r.IntN(3) == 0 {
		lead = p.head
	}
	dep := p.deps[g.r.IntN(len(p.deps))]
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s%s深入%s调研%s工作。%s%s陪同调研。\n\n", monthDay(eventDay(g.r, d)), lead.title, lead.name, t.name, strings.TrimSuffix(topic, "工作"), dep.title, dep.name)
	fmt.Fprintf(&b, "在%s%s，%s详细了解项目建设和群众生产生活情况。%s党委书记%s汇报了%s工作情况。", t.name, v, lead.name, t.name, t.secretary, strings.TrimSuffix(topic, "工作"))
	if chief, ok := p.chiefs[bureaus[g.r.IntN(len(bureaus))]]; ok && g.r.IntN(2) == 0 {
		for bu, c := range p.chiefs {
			if c == chief {
				fmt.Fprintf(&b, "%s%s局长%s介绍了有关情况。", k, strings.TrimSuffix(strings.TrimSuffix(bu, "局"), "委"), chief)
				break
			}
		}
	}
	b.WriteString("\n\n")
	g.figure(&b, p, d.Year())
	fmt.Fprintf(&b, "%s指出，", lead.name)
	g.filler(&b, p, 3)
	fmt.Fprintf(&b, "%s要求，", lead.name)
	g.filler(&b, p, 2)
	fmt.Fprintf(&b, "\n\n%s%s%s，%s有关部门负责同志参加调研。\n", t.name, townHead(t.name), t.head, k)
	return lead.name + "到" + t.name + "调研" + strings.TrimSuffix(topic, "工作") + "工作", b.String()
}

// townHead is the title of a town's head of government.
func townHead(town string) string {
	switch {
	case strings.HasSuffix(town, "街道"):
		return "办事处主任"
	case strings.HasSuffix(town, "乡"):
		return "乡长"
	}
	return "镇长"
}

func (g *gen) appointment(p *place, d time.Time) (string, string) {
	k := p.kind
	p.session++
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s第十八届人民代表大会常务委员会第%d次会议召开。", monthDay(eventDay(g.r, d)), p.name, p.session)
	fmt.Fprintf(&b, "%s%s主持会议，副主任%s、%s出席会议。\n\n", p.npc.title, p.npc.name, p.npcDeps[0].name, p.npcDeps[1].name)
	b.WriteString("会议依法进行人事任免。")
	// a deputy head is replaced
	i := g.r.IntN(len(p.deps))
	old := p.deps[i]
	nw := official{g.person(p), "副" + k + "长"}
	fmt.Fprintf(&b, "会议决定任命%s为%s人民政府副%s长；决定免去%s的%s人民政府副%s长职务。", nw.name, p.name, k, old.name, p.name, k)
	if i == 0 {
		nw.title = old.title // keeps the seat on the standing committee
	}
	p.deps[i] = nw
	// and a bureau chief
	bu := bureaus[g.r.IntN(len(bureaus))]
	nc := g.person(p)
	if oc, ok := p.chiefs[bu]; ok {
		title := "局长"
		if strings.HasSuffix(bu, "委") {
			title = "主任"
		}
		fmt.Fprintf(&b, "决定免去%s的%s%s%s职务，任命%s为%s%s%s。", oc, p.name, bu, title, nc, p.name, bu, title)
	} else {
		fmt.Fprintf(&b, "任命%s为%s%s局长。", nc, p.name, strings.TrimSuffix(strings.TrimSuffix(bu, "局"), "委")+"局")
	}
	p.chiefs[bu] = nc
	fmt.Fprintf(&b, "\n\n会议还听取和审议了%s人民政府关于%s工作情况的报告。", p.name, topics[g.r.IntN(len(topics))])
	fmt.Fprintf(&b, "\n\n会上，%s、%s向宪法进行了宣誓。%s在讲话中要求，新任命的同志要牢记职责使命，自觉接受人大监督，恪尽职守、勤勉尽责，以实际行动回应全%s人民的期待。", nw.name, nc, p.npc.name, k)
	g.filler(&b, p, 2)
	b.WriteString("\n")
	return p.name + "人大常委会举行会议 依法任免一批干部", b.String()
}

func (g *gen) commendation(p *place, d time.Time) (string, string) {
	k := p.kind
	h := fmt.Sprintf("%d年度%s%s", d.Year()-1, strings.TrimSuffix(p.name, k), honours[g.r.IntN(len(honours))])
	ev := fmt.Sprintf("%d年度%s表彰大会", d.Year()-1, h[len(fmt.Sprint(d.Year()-1))+len("年度"):])
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s在%s文化中心举行。%s%s，%s%s，%s%s，%s%s等%s领导出席大会，并为获奖者颁奖。\n\n",
		monthDay(eventDay(g.r, d)), ev, p.name, p.secr.title, p.secr.name, p.head.title, p.head.name, p.npc.title, p.npc.name, p.ppcc.title, p.ppcc.name, k)
	var winners []string
	for j := 0; j < 3+g.r.IntN(3); j++ {
		winners = append(winners, g.person(p))
	}
	fmt.Fprintf(&b, "大会上，%s%s宣读了表彰决定，授予%s“%s”称号。", p.prop.title, p.prop.name, strings.Join(winners, "、"), h)
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "受表彰的个人中，有扎根基层多年的乡村医生，有带动群众增收致富的致富带头人，也有常年坚持志愿服务的普通群众。%s作为获奖代表发言，表示将把荣誉化为动力，在平凡岗位上继续默默坚守。\n\n", winners[0])
	fmt.Fprintf(&b, "%s在讲话中向受表彰的个人表示祝贺。他希望全%s广大干部群众以先进典型为榜样，崇德向善、见贤思齐。", p.secr.name, k)
	g.filler(&b, p, 2)
	b.WriteString("\n")
	return ev + "举行", b.String()
}

func (g *gen) reception(p *place, d time.Time) (string, string) {
	other := g.places[g.r.IntN(len(g.places))]
	if other == p {
		other = g.places[(p.idx+1)%len(g.places)]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s，%s%s在%s行政中心会见了%s%s率领的%s党政代表团一行。%s%s，%s%s参加会见。\n\n",
		monthDay(eventDay(g.r, d)), dayPart(g.r), p.name[:len(p.name)-len(p.kind)]+p.secr.title, p.secr.name, p.kind,
		other.name[:len(other.name)-len(other.kind)]+other.exec.title, other.exec.name, other.name,
		p.head.title, p.head.name, p.org.title, p.org.name)
	fmt.Fprintf(&b, "%s代表%s委、%s政府对代表团一行的到来表示欢迎。他介绍说，", p.secr.name, p.kind, p.kind)
	g.figure(&b, p, d.Year())
	fmt.Fprintf(&b, "希望双方以此次交流为契机，建立常态化联系机制，推动更多合作项目落地落实。")
	g.filler(&b, p, 2)
	fmt.Fprintf(&b, "\n\n%s表示，双方发展理念相通、产业互补性强，愿在产业协作、文旅互推、干部交流等领域加强合作，实现互利共赢。", other.exec.name)
	fmt.Fprintf(&b, "\n\n座谈会上，双方还就共建产业园区、劳务协作和特色农产品产销对接等事项进行了深入交流。%s有关部门负责同志参加会见。\n", p.name)
	return p.secr.name + "会见" + other.name + "党政代表团", b.String()
}
