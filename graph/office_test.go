package graph

import "testing"

// Variants of one office fold into one key; different offices stay apart.
func TestOfficeKeysFold(t *testing.T) {
	same := [][]string{
		{"中共武功县委常委", "武功县委常委", "中共武功县委常务委员"},
		{"坪坝县人民政府副县长", "坪坝县副县长", "坪坝县政府副县长"},
		{"溧阳市市委书记", "溧阳市委书记", "中共溧阳市委书记"},
		{"宁乡市长", "宁乡市市长", "宁乡市人民政府市长", "宁乡市代理市长", "宁乡市代市长"},
		{"坪坝县长", "坪坝县县长", "坪坝县代县长", "坪坝县代理县长"},
		{"昆山市副市长", "昆山市常务副市长"},
		{"霍邱县委组织部部长", "霍邱县委组织部长"},
		{"昆山市政府副秘书长", "昆山市人民政府副秘书长"},
		{"武功县纪委书记", "武功县纪委监委书记"},
		{"静海区委书记", "天津市静海区委书记", "中共天津市静海区委书记"},
		{"团泊镇党委书记", "团泊镇委书记"},
		{"阿荣旗人武部政委", "阿荣旗人武部政治委员", "阿荣旗人民武装部政委"},
	}
	for _, group := range same {
		want, ok := parseOffice(group[0], "")
		if !ok {
			t.Errorf("%s: not an office", group[0])
			continue
		}
		for _, n := range group[1:] {
			got, ok := parseOffice(n, "")
			if !ok || got.Key() != want.Key() {
				t.Errorf("%s: key %q, want %q (as %s)", n, got.Key(), want.Key(), group[0])
			}
		}
	}
	apart := []string{"武功县委书记", "武功县委副书记", "武功县委常委", "武功县长", "武功县副县长", "武功县纪委书记",
		"武功县人大常委会主任", "武功县人大常委会副主任", "武功县政协主席", "武功县人武部政委", "武功县委组织部部长",
		"武功县委宣传部部长", "武功县公安局局长", "武功县人大代表", "溧阳市委书记", "坪坝县委书记", "南京市鼓楼区委书记", "团泊镇党委书记"}
	seen := map[string]string{}
	for _, n := range apart {
		o, ok := parseOffice(n, "")
		if !ok {
			t.Errorf("%s: not an office", n)
			continue
		}
		if other, dup := seen[o.Key()]; dup {
			t.Errorf("%s and %s share the key %s", n, other, o.Key())
		}
		seen[o.Key()] = n
	}
}

func TestOfficeKeyNameAndQualifiers(t *testing.T) {
	for _, c := range []struct{ in, key, name, qual string }{
		{"中共武功县委常委", "office:610431|党委|常委", "武功县委常委", ""},
		{"坪坝县人民政府副县长", "office:坪坝县|政府|副县长", "坪坝县副县长", ""},
		{"溧阳市市委书记", "office:320481|党委|书记", "溧阳市委书记", ""},
		{"宁乡市代理市长", "office:430182|政府|市长", "宁乡市长", "acting"},
		{"昆山市常务副市长", "office:320583|政府|副市长", "昆山市副市长", "executive"},
		{"坪坝县委常务副书记", "office:坪坝县|党委|副书记", "坪坝县委副书记", "executive"},
		{"霍邱县长", "office:341522|政府|县长", "霍邱县长", ""},
		{"团泊镇党委书记", "office:120118111|党委|书记", "团泊镇党委书记", ""},
		{"海曙区人大常委会主任", "office:330203|人大常委会|主任", "海曙区人大常委会主任", ""},
		{"湖南湘和智能装备有限公司总经理", "office:|湖南湘和智能装备有限公司|总经理", "湖南湘和智能装备有限公司总经理", ""},
	} {
		o, ok := parseOffice(c.in, "")
		if !ok || o.Key() != c.key || o.Name() != c.name || o.Qualifier() != c.qual {
			t.Errorf("%s: %v %q %q %q, want %q %q %q", c.in, ok, o.Key(), o.Name(), o.Qualifier(), c.key, c.name, c.qual)
		}
	}
}

// What the post grammar rejects is no office.
func TestNotOffices(t *testing.T) {
	for _, n := range []string{"并决定为代理市长", "代理市长", "区长", "区委书记", "县政府副秘书长", "书记", "项目业主代表", "决定任命为副县长", ""} {
		if o, ok := parseOffice(n, ""); ok {
			t.Errorf("%q is an office: %s", n, o.Key())
		}
	}
}

// The report's jurisdiction picks among places of one name.
func TestOfficeJurisdictionDisambiguates(t *testing.T) {
	a, _ := parseOffice("鼓楼区委书记", "南京市")
	b, _ := parseOffice("鼓楼区委书记", "福州市")
	c, _ := parseOffice("鼓楼区委书记", "")
	if a.Key() == b.Key() || a.PlaceCode == "" || b.PlaceCode == "" || c.PlaceCode != "" {
		t.Errorf("鼓楼区: %s / %s / %s", a.Key(), b.Key(), c.Key())
	}
}
