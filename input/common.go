package input

// The encoding detector tells GB18030 from Big5 (and either from garbage) by
// how many of the decoded Chinese characters are common ones: text decoded
// with the wrong one of the two comes out as rare characters.

// commonSimplified holds roughly the 600 most frequent characters of modern
// written Chinese in simplified form, with the vocabulary of government
// reports (posts, meetings, places) added.
const commonSimplified = "" +
	"的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切府承修存价" +
	"县省镇乡村街社区州盟旗局厅处科室署办委员会议召开席讲话调研推进落实发展建设改革经济社会党政府人民代表大协纪检监察组织宣传统战部要求强调指出坚持全面深入贯彻习近平新时代特色主义思想精神学习同志领导班子成员负责参加主持出席部署安排工作任务目标重点项目产业企业农业工业服务民生保障安全生产环境保护生态文明乡村振兴脱贫攻坚城市乡镇管理治理体系能力现代化" +
	"书记常务副秘长主任局长厅长处长科长巡视组纪委监委政法宣传部组织部统战部政协人大代表委员会常委副主席主席市长县长区长镇长乡长村支部干部群众职工" +
	"年月日时分上午下午晚上期间日前近日当天会上会后会前一二三四五六七八九十百千万亿第个项条次件批名位家所级" +
	"届次第季度年度上半年下半年一季度同比增长下降百分点亿元万元投资消费出口进口收入财政税收金融资本市场价格" +
	"召集听取汇报审议通过研究讨论决定批准印发转发通知意见方案规划计划办法规定条例实施细则制度机制" +
	"强化优化深化提升提高加强加快推动促进完善健全创新协调绿色开放共享高质量发展稳定增长改善扩大" +
	"要求认真扎实切实全力积极主动努力进一步务必确保不断持续更加充分有效有力有序及时"

// commonTraditional holds the traditional forms of the characters above
// that differ from their simplified forms.
const commonTraditional = "" +
	"這來們國個說為時學對裡後麼見經頭開動兩長從與點實現種聲話兒問機給幾業間聽氣關內產軍場師書員九報馬張難數體別處總華車應東爾電門親邊風戰幹許覺統愛讓認論義術結條遠資隊帶變聯權傳領轉輕區眾語滿黃錢黨設歷雙際導網專觀爭組視濟離雖壞興價寫識極臉則單據首這" +
	"縣鄉鎮村街區辦處廳議會議講調進發經濟會黨協紀檢監察織傳統戰貫徹習時義領導責參加持席署務項產業農服務護態鄉興貧攻堅城鎮管體系現" +
	"書記務祕秘長員廳處視紀監協幹眾職" +
	"時屆歲季萬億個條項節級" +
	"漲財稅資錢價質" +
	"聽審議討決準計劃辦規範細則製機" +
	"強優擴提升質協綠開進務確斷續夠效時" +
	"為們樣種處過還這麼與樣將來說會後對開關問題門間學習員動發們從見現點頭"

// commonHan is the set of the characters above.
var commonHan = func() map[rune]bool {
	m := make(map[rune]bool, 1500)
	for _, r := range commonSimplified + commonTraditional {
		m[r] = true
	}
	return m
}()

func isCommonHan(r rune) bool { return commonHan[r] }
