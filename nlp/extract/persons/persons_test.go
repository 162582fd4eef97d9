package persons_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestPersonsAndHolds(t *testing.T) {
	tests := []struct {
		name, text string
		persons    []string // name | rule of the first mention
		holds      []string // person | post | rule (| start DATE | end DATE)
	}{
		{"a title chain before each name",
			"青禾县召开会议。县委书记柳明远主持会议,县委副书记、县长顾南星出席。",
			[]string{"柳明远|names.chain", "顾南星|names.chain"},
			[]string{"柳明远|青禾县委书记|posts.chain", "顾南星|青禾县委副书记|posts.chain", "顾南星|青禾县长|posts.chain"}},
		{"an appointment and a removal",
			"3月5日,会议决定任命林晓川同志为青禾县人民政府副县长,免去赵一鸣的青禾县水利局局长职务。",
			[]string{"林晓川|names.appoint", "赵一鸣|names.appoint"},
			[]string{"林晓川|青禾县人民政府副县长|appoint.object|start 2024-03-05", "赵一鸣|青禾县水利局局长|appoint.object|end 2024-03-05"}},
		{"an appointment list: the verb governs each NAME为POST pair",
			"3月5日,青禾县人大常委会召开会议,决定任命林晓川为青禾县财政局局长,顾南星为青禾县教育局局长。",
			[]string{"林晓川|names.appoint", "顾南星|names.appoint"},
			[]string{"林晓川|青禾县财政局局长|appoint.object|start 2024-03-05", "顾南星|青禾县教育局局长|appoint.object|start 2024-03-05"}},
		{"a profile: the present post is held, the intended one (拟任) is not",
			"任前公示\n柳明远,男,汉族,1975年3月生,大学学历,中共党员,现任青禾县财政局副局长,拟任青禾县财政局局长。",
			[]string{"柳明远|names.appoint"},
			[]string{"柳明远|青禾县财政局副局长|appoint.present"}},
		{"为 ends the name of an appointee the recogniser may cut short",
			"6月26日,中国共产党青禾县第十一届委员会第一次全体会议选举谷春立为县委书记,王小阳、孙春山为县委副书记。",
			[]string{"谷春立|names.appoint", "王小阳|names.appoint", "孙春山|names.appoint"},
			[]string{"谷春立|县委书记|appoint.object|start 2024-06-26", "王小阳|县委副书记|appoint.object|start 2024-06-26", "孙春山|县委副书记|appoint.object|start 2024-06-26"}},
		{"a province's report: the party body the sentence names gives the city's posts (rule 5)",
			"我省各市陆续召开党代会。6月26日,中国共产党本溪市第十一届委员会第一次全体会议选举柳测明为市委书记。全省上下,省委要求抓好落实。",
			[]string{"柳测明|names.appoint"},
			[]string{"柳测明|中共本溪市委书记|appoint.object|start 2024-06-26"}},
		{"levels that share the next post's head (市、县人大代表)",
			"3月5日,青禾县人大常委会召开会议,决定接受顾南星辞去市、县人大代表职务的请求。",
			[]string{"顾南星|names.appoint"},
			[]string{"顾南星|市人大代表|appoint.subject|end 2024-03-05", "顾南星|青禾县人大代表|appoint.subject|end 2024-03-05"}},
		{"免去其: the person appointed before in the sentence",
			"经研究,决定:郑立平同志任青禾县财政局局长,免去其青禾县教育局局长职务。",
			[]string{"郑立平|names.appoint"},
			[]string{"郑立平|青禾县财政局局长|appoint.subject|start ", "郑立平|青禾县教育局局长|appoint.object|end "}},
		{"credits in closing brackets and doctrine sources are no persons",
			"3月5日,青禾县召开会议。会议要求坚决维护以习近平同志为核心的党中央权威。县委书记柳明远讲话。\n(王春燕 李德胜)",
			[]string{"柳明远|names.chain"},
			[]string{"柳明远|青禾县委书记|posts.chain"}},
		{"a role model's name in a campaign's (学习雷某精神, 雷某志愿服务队) is no person of the report",
			"3月5日,青禾县召开会议。县委书记柳明远要求大力弘扬雷某精神,组建雷某志愿服务队。",
			[]string{"柳明远|names.chain"},
			[]string{"柳明远|青禾县委书记|posts.chain"}},
		{"no name inside an office's name (公室 of 县委办公室主任)",
			"经研究,决定:邹宏伟同志任青禾县委办公室主任。",
			[]string{"邹宏伟|names.appoint"},
			[]string{"邹宏伟|青禾县委办公室主任|appoint.subject|start "}},
		{"no place resolves the chain's level: the items after carry it (市纪委书记)",
			"会议召开。市委常委、纪委书记、监委主任柳明远出席会议。",
			[]string{"柳明远|names.chain"},
			[]string{"柳明远|市委常委|posts.chain", "柳明远|市纪委书记|posts.chain", "柳明远|市监委主任|posts.chain"}},
		{"分别与 ends the preamble of a guest's post; a local friendship association is the jurisdiction's",
			"青禾县召开座谈会。县长柳明远分别与西班牙驻沪总领事顾南星、越南驻沪总领事阮明海座谈。县对外友协副会长邹宏伟参加。",
			[]string{"柳明远|names.chain", "顾南星|names.chain", "阮明海|names.chain", "邹宏伟|names.chain"},
			[]string{"柳明远|青禾县长|posts.chain", "顾南星|西班牙驻沪总领事|posts.chain", "阮明海|越南驻沪总领事|posts.chain", "邹宏伟|青禾县对外友协副会长|posts.chain"}},
		{"a headline's appointment takes the date of the paragraph that tells of it, not of the one before",
			"6月26日,中国共产党青禾县第十一届委员会第一次全体会议选举柳明远为县委书记。\n顾南星当选青禾县委副书记\n6月28日,中国共产党青禾县第十一届委员会第二次全体会议选举顾南星为县委副书记。",
			[]string{"柳明远|names.appoint", "顾南星|names.appoint"},
			[]string{"柳明远|青禾县委书记|appoint.object|start 2024-06-26", "顾南星|青禾县委副书记|appoint.subject|start 2024-06-28"}},
		{"a counted group of N人 after the listed subjects of an election",
			"1月9日,政协青禾县第十一届委员会第一次会议举行全体会议。孙立军、马文珠、柏青山等25人当选为常务委员。",
			[]string{"孙立军|names.appoint", "马文珠|names.appoint", "柏青山|names.appoint"},
			[]string{"孙立军|常务委员|appoint.subject|start 2024-01-09", "马文珠|常务委员|appoint.subject|start 2024-01-09", "柏青山|常务委员|appoint.subject|start 2024-01-09"}},
		{"the verb as a line's heading opens a block as a colon does",
			"青禾县人大常委会任免名单\n(2024年3月5日青禾县第十七届人民代表大会常务委员会第五次会议通过)\n一、任命\n柳明远为青禾县财政局局长;\n二、免去\n邹宏伟的青禾县水利局局长职务。",
			[]string{"柳明远|names.appoint", "邹宏伟|names.appoint"},
			[]string{"柳明远|青禾县财政局局长|appoint.block|start 2024-03-05", "邹宏伟|青禾县水利局局长|appoint.block|end 2024-03-05"}},
		{"a roster by lines: the heading gives the body, each line a title and its names (a two-character name padded)",
			"政协青禾县第十一届委员会主席、副主席、常务委员名单\n(2024年1月9日政协青禾县第十一届委员会第一次会议选举产生)\n主 席:柳明远\n副主席:顾南星 邹宏伟\n常务委员(按姓氏笔画排序):\n岳 明 欧阳秀兰",
			[]string{"柳明远|names.appoint", "顾南星|names.appoint", "邹宏伟|names.appoint", "岳明|names.appoint", "欧阳秀兰|names.appoint"},
			[]string{"柳明远|政协青禾县第十一届委员会主席|appoint.roster|start 2024-01-09", "顾南星|政协青禾县第十一届委员会副主席|appoint.roster|start 2024-01-09",
				"邹宏伟|政协青禾县第十一届委员会副主席|appoint.roster|start 2024-01-09", "岳明|政协青禾县第十一届委员会常务委员|appoint.roster|start 2024-01-09",
				"欧阳秀兰|政协青禾县第十一届委员会常务委员|appoint.roster|start 2024-01-09"}},
		{"an election's results by lines, each line naming its post in full; the members on the lines after their label",
			"青禾县第十八届人民代表大会第一次会议选举结果\n县人民政府县长:邬家栋\n县人民政府副县长:蓝晓梅 牛建华\n县人民代表大会常务委员会委员:(按姓氏笔画为序)\n王小军 刘 明",
			[]string{"邬家栋|names.appoint", "蓝晓梅|names.appoint", "牛建华|names.appoint", "王小军|names.appoint", "刘明|names.appoint"},
			[]string{"邬家栋|县人民政府县长|appoint.roster|start ", "蓝晓梅|县人民政府副县长|appoint.roster|start ", "牛建华|县人民政府副县长|appoint.roster|start ",
				"王小军|县人民代表大会常务委员会委员|appoint.roster|start ", "刘明|县人民代表大会常务委员会委员|appoint.roster|start "}},
		{"an election's body carries to the next sentence's bare member title",
			"1月9日,政协青禾县第十一届委员会第一次会议选举柳明远为政协青禾县第十一届委员会主席。\n孙立军、马文珠等25人当选为常务委员。",
			[]string{"柳明远|names.appoint", "孙立军|names.appoint", "马文珠|names.appoint"},
			[]string{"柳明远|政协青禾县第十一届委员会主席|appoint.object|start 2024-01-09", "孙立军|政协青禾县第十一届委员会常务委员|appoint.subject|start 2024-01-09", "马文珠|政协青禾县第十一届委员会常务委员|appoint.subject|start 2024-01-09"}},
		{"a roster in one sentence: TITLE：NAMES parts, a bare title taking the organisation before it; a note after a name",
			"1月12日,青禾县第十七届人民代表大会第一次会议选举产生了县人民政府领导人员。县长:谢雨桐;副县长:赵德彪、孙立军。会议决定任命柳明远(女)为青禾县公安局局长。",
			[]string{"柳明远|names.appoint", "谢雨桐|names.appoint", "赵德彪|names.appoint", "孙立军|names.appoint"},
			[]string{"柳明远|青禾县公安局局长|appoint.object|start 2024-01-12", "谢雨桐|青禾县长|appoint.roster|start 2024-01-12",
				"赵德彪|青禾县副县长|appoint.roster|start 2024-01-12", "孙立军|青禾县副县长|appoint.roster|start 2024-01-12"}},
		{"notes in brackets inside an election's list and before it",
			"1月9日,政协青禾县第十一届委员会第一次会议选举顾南星、邹宏伟(蒙古族)、谢雨桐(女)为政协青禾县第十一届委员会副主席;选举(按姓氏笔画为序)马文珠、孙立军为常务委员。",
			[]string{"顾南星|names.appoint", "邹宏伟|names.appoint", "谢雨桐|names.appoint", "马文珠|names.appoint", "孙立军|names.appoint"},
			[]string{"顾南星|政协青禾县第十一届委员会副主席|appoint.object|start 2024-01-09", "邹宏伟|政协青禾县第十一届委员会副主席|appoint.object|start 2024-01-09",
				"谢雨桐|政协青禾县第十一届委员会副主席|appoint.object|start 2024-01-09", "马文珠|政协青禾县第十一届委员会常务委员|appoint.object|start 2024-01-09",
				"孙立军|政协青禾县第十一届委员会常务委员|appoint.object|start 2024-01-09"}},
		{"posts in brackets after each name of a list of those present",
			"青禾县召开会议。出席会议的县领导有柳明远(县委书记)、顾南星(县长)。",
			[]string{"柳明远|names.chain", "顾南星|names.chain"},
			[]string{"柳明远|青禾县委书记|posts.bracket", "顾南星|青禾县长|posts.bracket"}},
		{"a leader's line: name, comma, posts, then the duties",
			"青禾县人民政府领导分工\n柳明远,县委副书记、县长。负责县政府全面工作。\n顾南星,副县长,负责教育工作。",
			[]string{"柳明远|names.chain", "顾南星|names.chain"},
			[]string{"柳明远|青禾县委副书记|posts.apposition", "柳明远|青禾县长|posts.apposition", "顾南星|青禾县副县长|posts.apposition"}},
		{"a table by lines: the present-post column is held, the intended one is not",
			"青禾县干部任前公示\n姓名 性别 出生年月 现任职务 拟任职务\n柳明远 男 1979.04 县财政局副局长 县审计局局长\n岳 明 男 1980.02 县水利局副局长 县水利局局长",
			[]string{"柳明远|names.chain", "岳明|names.chain"},
			[]string{"柳明远|县财政局副局长|posts.table", "岳明|县水利局副局长|posts.table"}},
		{"a block under the verbs as headings, a name and its posts a line, apart by a space",
			"任免名单\n一、任命:\n邬家栋 青禾县财政局局长\n二、免去:\n柯建明 青禾县水利局局长职务",
			[]string{"邬家栋|names.appoint", "柯建明|names.appoint"},
			[]string{"邬家栋|青禾县财政局局长|appoint.block|start ", "柯建明|青禾县水利局局长|appoint.block|end "}},
		{"passive verbs, and a list item NAME(note),任POSTS",
			"经研究决定:\n邬家栋被任命为青禾县教育局局长;\n蓝晓梅(女),任青禾县财政局局长;\n柯建明被免去青禾县财政局局长职务。",
			[]string{"邬家栋|names.appoint", "蓝晓梅|names.appoint", "柯建明|names.appoint"},
			[]string{"邬家栋|青禾县教育局局长|appoint.subject|start ", "蓝晓梅|青禾县财政局局长|appoint.subject|start ", "柯建明|青禾县财政局局长|appoint.subject|end "}},
		{"an appointment list joined by 、 and ended by 的决定; a name before a county's one-character stem (华县)",
			"6月28日,会议通过了任命邬家栋为青禾县教育局局长、蓝晓梅为青禾县财政局局长的决定,通过了免去牛建华县水利局局长职务的决定。",
			[]string{"邬家栋|names.appoint", "蓝晓梅|names.appoint", "牛建华|names.appoint"},
			[]string{"邬家栋|青禾县教育局局长|appoint.object|start 2024-06-28", "蓝晓梅|青禾县财政局局长|appoint.object|start 2024-06-28", "牛建华|青禾县水利局局长|appoint.object|end 2024-06-28"}},
		{"a block of NAME，POSTS items; 同意…辞去; a removal list NAME的X职务，NAME的Y职务",
			"6月28日,会议表决通过了人事任免事项。任命:邬家栋,青禾县教育局局长;蓝晓梅,青禾县财政局局长。会议同意柯建明辞去青禾县人民政府副县长职务,免去牛建华同志的青禾县水利局局长职务,池海同志的青禾县审计局局长职务。",
			[]string{"邬家栋|names.appoint", "蓝晓梅|names.appoint", "柯建明|names.appoint", "牛建华|names.appoint", "池海|names.appoint"},
			[]string{"邬家栋|青禾县教育局局长|appoint.block|start 2024-06-28", "蓝晓梅|青禾县财政局局长|appoint.block|start 2024-06-28",
				"柯建明|青禾县人民政府副县长|appoint.subject|end 2024-06-28", "牛建华|青禾县水利局局长|appoint.object|end 2024-06-28", "池海|青禾县审计局局长|appoint.object|end 2024-06-28"}},
		{"the body a sentence sets up is the organisation of the posts after it; 任 before a post is the verb, not a name's; subjects each with their titles",
			"3月5日,县委决定成立青禾县乡村振兴工作领导小组,由县委书记柳明远任组长,县长顾南星、副县长池海任副组长。",
			[]string{"柳明远|names.chain", "顾南星|names.chain", "池海|names.chain"},
			[]string{"柳明远|县委书记|posts.chain", "顾南星|县长|posts.chain", "池海|副县长|posts.chain",
				"柳明远|青禾县乡村振兴工作领导小组组长|appoint.subject|start 2024-03-05", "顾南星|青禾县乡村振兴工作领导小组副组长|appoint.subject|start 2024-03-05",
				"池海|青禾县乡村振兴工作领导小组副组长|appoint.subject|start 2024-03-05"}},
		{"items NAME同志，任POSTS after a comma; a bare 免 after an appointment ends the same person's post",
			"经县委研究决定,邬家栋同志,任青禾县教育局局长,免青禾县财政局副局长;蓝晓梅同志,任青禾县财政局副局长。",
			[]string{"邬家栋|names.appoint", "蓝晓梅|names.appoint"},
			[]string{"邬家栋|青禾县教育局局长|appoint.subject|start ", "邬家栋|青禾县财政局副局长|appoint.object|end ", "蓝晓梅|青禾县财政局副局长|appoint.subject|start "}},
		{"分别: parallel lists of persons and posts, each their own; 决定： opens a block; 任命了",
			"3月5日,县委决定:柯建明同志为青禾县城南镇党委书记。邬家栋、蓝晓梅同志分别任青禾县教育局局长、青禾县财政局局长。会议还依法任命了甘雨亭、池海为青禾县人民法院审判员。",
			[]string{"柯建明|names.appoint", "邬家栋|names.appoint", "蓝晓梅|names.appoint", "甘雨亭|names.appoint", "池海|names.appoint"},
			[]string{"柯建明|青禾县城南镇党委书记|appoint.block|start 2024-03-05", "邬家栋|青禾县教育局局长|appoint.subject|start 2024-03-05",
				"蓝晓梅|青禾县财政局局长|appoint.subject|start 2024-03-05", "甘雨亭|青禾县人民法院审判员|appoint.object|start 2024-03-05", "池海|青禾县人民法院审判员|appoint.object|start 2024-03-05"}},
		{"a 任职公告: a profile that says 任 POSTS starts them",
			"任职公告\n邬家栋,男,汉族,1978年3月生,大学学历,任青禾县教育局局长(试用期一年)。",
			[]string{"邬家栋|names.appoint"},
			[]string{"邬家栋|青禾县教育局局长|appoint.profile|start "}},
		{"the name that opens a profile (，男，/，女，) is a person's, even one gse knows as a place's; a minority name's first part left off",
			"现予以公示:\n乌云其木格,女,蒙古族,1980年8月生,现任青禾县副县长,拟任青禾县委常委。\n会议由那顺乌力吉主持。",
			[]string{"乌云其木格|names.appoint", "那顺乌力吉|names.loose"},
			[]string{"乌云其木格|青禾县副县长|appoint.present"}},
		{"people's assessors are a post (GUIDELINES, rulings)",
			"6月28日,会议任命邬家栋、蓝晓梅为青禾县人民法院人民陪审员。",
			[]string{"邬家栋|names.appoint", "蓝晓梅|names.appoint"},
			[]string{"邬家栋|青禾县人民法院人民陪审员|appoint.object|start 2024-06-28", "蓝晓梅|青禾县人民法院人民陪审员|appoint.object|start 2024-06-28"}},
		{"a title's list of names to its end: the last before 等 whatever the rules cut, the last before 和 and another's title",
			"3月5日,青禾县召开会议。县政协副主席柳明远、顾南星、鲁存款等出席会议。县人大常委会副主任池海、宋和平和秘书长甘雨亭出席。",
			[]string{"柳明远|names.chain", "顾南星|names.chain", "鲁存款|names.chain", "池海|names.chain", "宋和平|names.chain", "甘雨亭|names.chain"},
			[]string{"柳明远|青禾县政协副主席|posts.chain", "顾南星|青禾县政协副主席|posts.chain", "鲁存款|青禾县政协副主席|posts.chain",
				"池海|青禾县人大常委会副主任|posts.chain", "宋和平|青禾县人大常委会副主任|posts.chain", "甘雨亭|青禾县人大常委会秘书长|posts.chain"}},
		{"another level's head or body in a county's report gets the one place of that level the text names (GUIDELINES, rule 5)",
			"3月5日,河北省安全生产电视电话会议召开。副省长柳明远出席并讲话。平山县在分会场收听收看,县长顾南星参加。",
			[]string{"柳明远|names.chain", "顾南星|names.chain"},
			[]string{"柳明远|河北省副省长|posts.chain", "顾南星|平山县长|posts.chain"}},
		{"names made of minority name parts only, in a list of subjects and before a vote (其木格, 阿拉腾敖其尔)",
			"1月11日,会议举行选举。代理旗长阿拉腾敖其尔以171票当选为旗人民政府旗长,柳明远、其木格当选为旗人民政府副旗长。",
			[]string{"阿拉腾敖其尔|names.chain", "柳明远|names.appoint", "其木格|names.appoint"},
			[]string{"阿拉腾敖其尔|代理旗长|posts.chain", "阿拉腾敖其尔|旗人民政府旗长|appoint.subject|start 2024-01-11",
				"柳明远|旗人民政府副旗长|appoint.subject|start 2024-01-11", "其木格|旗人民政府副旗长|appoint.subject|start 2024-01-11"}},
		{"a form of address after a surname names nobody (罗大娘); a role verb the recogniser ran a name into is the verb (吴某通报了)",
			"3月5日,青禾县召开会议。县委常委、副县长吴琼通报了考核结果。村民罗大娘说,日子越过越好。",
			[]string{"吴琼|names.chain"},
			[]string{"吴琼|青禾县委常委|posts.chain", "吴琼|青禾县副县长|posts.chain"}},
		{"a note in brackets between the appointee and 任 (蓝某（女）任…)",
			"3月5日,经研究决定:谭立新(女)任青禾县审计局局长,柏文华(挂职)任青禾县审计局副局长。",
			[]string{"谭立新|names.appoint", "柏文华|names.appoint"},
			[]string{"谭立新|青禾县审计局局长|appoint.subject|start 2024-03-05", "柏文华|青禾县审计局副局长|appoint.subject|start 2024-03-05"}},
		{"an election's results by lines: notes after names are no part of them, and every line is started by the election",
			"3月5日,青禾县第十八届人民代表大会第一次会议选举产生了县人民政府县长、副县长。\n县长:邬家栋\n副县长:谭立新、庞永年(女)、聂红梅(按姓氏笔画为序)",
			[]string{"邬家栋|names.appoint", "谭立新|names.appoint", "庞永年|names.appoint", "聂红梅|names.appoint"},
			[]string{"邬家栋|县长|appoint.roster|start 2024-03-05", "谭立新|副县长|appoint.roster|start 2024-03-05",
				"庞永年|副县长|appoint.roster|start 2024-03-05", "聂红梅|副县长|appoint.roster|start 2024-03-05"}},
		{"numbered profiles of a 任前公示 (1. 一、 （二）): the number is no part of the name",
			"任前公示\n1.柳明远,男,1975年3月生,现任青禾县财政局副局长,拟任青禾县财政局局长。\n(二)蓝晓梅,女,1980年8月生,现任青禾县审计局副局长,拟任青禾县审计局局长。",
			[]string{"柳明远|names.appoint", "蓝晓梅|names.appoint"},
			[]string{"柳明远|青禾县财政局副局长|appoint.present", "蓝晓梅|青禾县审计局副局长|appoint.present"}},
		{"an honour before names is no post (优秀村党组织书记)",
			"3月5日,青禾县召开表彰大会。大会表彰了优秀村党组织书记邬家栋、谭立新。",
			[]string{"邬家栋|names.chain", "谭立新|names.chain"},
			nil},
		{"a transcribed name ends before a rank, an honorific, or the word the recogniser's name stops at (结束)",
			"3月5日,青禾县长柳明远会见了总参谋长舍拉利·海鲁拉耶夫中将一行。执行副总裁乔治·雨瑞先生出席。外交部长兰贝托·迪尼结束对青禾县的访问。",
			[]string{"柳明远|names.chain", "舍拉利·海鲁拉耶夫|names.chain", "乔治·雨瑞|names.chain", "兰贝托·迪尼|names.chain"},
			[]string{"柳明远|青禾县长|posts.chain", "舍拉利·海鲁拉耶夫|总参谋长|posts.chain", "乔治·雨瑞|执行副总裁|posts.chain", "兰贝托·迪尼|外交部长|posts.chain"}},
		{"an appointee's name right before the posts, no 的 or 为 between (免去某某清河县…职务); a place there is no name",
			"3月5日,清河县人大常委会决定免去邬家栋清河县财政局局长职务,任命谭立新县财政局局长。会议决定免去张家口市委常委职务。",
			[]string{"邬家栋|names.appoint", "谭立新|names.appoint"},
			[]string{"邬家栋|清河县财政局局长|appoint.object|end 2024-03-05", "谭立新|清河县财政局局长|appoint.object|start 2024-03-05"}},
		{"a resignation accepted with its reason between the name and 辞去",
			"3月5日,青禾县人大常委会第十次会议接受了邬家栋因工作调动辞去青禾县人民政府县长职务的请求。",
			[]string{"邬家栋|names.appoint"},
			[]string{"邬家栋|青禾县人民政府县长|appoint.subject|end 2024-03-05"}},
		{"a given name may end in 年 (永年), a word of time may not (今年)",
			"3月5日,青禾县人大常委会决定免去庞永年的青禾县人民检察院检察员职务。王今年初到任。",
			[]string{"庞永年|names.appoint"},
			[]string{"庞永年|青禾县人民检察院检察员|appoint.object|end 2024-03-05"}},
		{"a body set up and its roster in one sentence: the body is the titles' organisation, the posts start, a comma before the next label ends a list",
			"3月5日,青禾县第十八届人民代表大会第一次会议成立临时党支部,书记:邬家栋,副书记:谭立新,成员:柏文华、庞建国。",
			[]string{"邬家栋|names.appoint", "谭立新|names.appoint", "柏文华|names.appoint", "庞建国|names.appoint"},
			[]string{"邬家栋|临时党支部书记|appoint.roster|start 2024-03-05", "谭立新|临时党支部副书记|appoint.roster|start 2024-03-05",
				"柏文华|临时党支部成员|appoint.roster|start 2024-03-05", "庞建国|临时党支部成员|appoint.roster|start 2024-03-05"}},
		{"an appointment block's item ends its name at 为 or 的, whatever the names read (海来阿支, 李慧为县…); a note after an item does not end the block",
			"青禾县人大常委会任免名单\n(2024年5月30日青禾县人大常委会第五次会议通过)\n任命:\n海来阿支为青禾县人民政府秘书长;\n李慧为县人大常委会人事代表工作委员会副主任。\n免去:\n那顺乌力吉的青禾县农牧局局长职务(退休);\n王建新的青禾县应急管理局副局长职务。\n新任命的李慧面向国旗宣誓。",
			[]string{"海来阿支|names.appoint", "李慧|names.appoint", "那顺乌力吉|names.appoint", "王建新|names.appoint"},
			[]string{"海来阿支|青禾县人民政府秘书长|appoint.block|start 2024-05-30", "李慧|青禾县人大常委会人事代表工作委员会副主任|appoint.block|start 2024-05-30",
				"那顺乌力吉|青禾县农牧局局长|appoint.block|end 2024-05-30", "王建新|青禾县应急管理局副局长|appoint.block|end 2024-05-30"}},
		{"a profile's 现任 after its first sentence, 曾任 posts, a post after a comma whose title holds 任 (主任); 此前任 posts are held, with no tenure",
			"任前公示\n钟文斌,男,汉族,1986年5月生,2009年8月参加工作。现任青禾县财政局党组成员、副局长,青禾县国库中心主任,拟任青禾县财政局局长。\n刘倩,女,1987年3月出生,曾任青禾县委宣传部新闻科科长,现任青禾县审计局副局长。\n6月17日,会议宣布:陈志远同志任青禾县委书记。陈志远同志此前任青禾县副县长。",
			[]string{"陈志远|names.appoint", "钟文斌|names.appoint", "刘倩|names.appoint"},
			[]string{"陈志远|青禾县委书记|appoint.subject|start 2024-06-17", "陈志远|青禾县副县长|appoint.former",
				"钟文斌|青禾县财政局党组成员|appoint.present", "钟文斌|青禾县财政局副局长|appoint.present", "钟文斌|青禾县国库中心主任|appoint.present",
				"刘倩|青禾县委宣传部新闻科科长|appoint.present", "刘倩|青禾县审计局副局长|appoint.present"}},
		{"names after a collective word, then a later mention",
			"市领导阎立新、邹宏伟出席会议。大家认真听取阎立新的讲解。",
			[]string{"阎立新|names.collective", "邹宏伟|names.collective"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extracttest.Run(t, "2024-03-06", tt.text)
			var persons, holds []string
			for _, p := range d.Persons {
				persons = append(persons, p.Name+"|"+p.Rule)
			}
			for _, h := range d.Holds {
				line := h.Person + "|" + h.Post + "|" + h.Rule
				if h.Start != nil {
					line += "|start " + *h.Start
				}
				if h.End != nil {
					line += "|end " + *h.End
				}
				holds = append(holds, line)
			}
			if strings.Join(persons, ",") != strings.Join(tt.persons, ",") {
				t.Errorf("persons %v, want %v", persons, tt.persons)
			}
			if strings.Join(holds, ",") != strings.Join(tt.holds, ",") {
				t.Errorf("holds %v, want %v", holds, tt.holds)
			}
		})
	}
}

func TestLaterMentionsAreExpanded(t *testing.T) {
	d := extracttest.RunRules(t, "2024-03-06", "市领导阎立新、邹宏伟出席会议。大家认真听取阎立新的讲解。")
	var rules []string
	for _, m := range d.PersonMentions {
		rules = append(rules, m.Name+"|"+m.Rule)
	}
	want := "阎立新|names.collective,邹宏伟|names.collective,阎立新|names.expand"
	if strings.Join(rules, ",") != want {
		t.Errorf("mentions %v, want %s", rules, want)
	}
}
