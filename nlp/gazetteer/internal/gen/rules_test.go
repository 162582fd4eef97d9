package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestShortForms(t *testing.T) {
	tests := []struct {
		desc, name    string
		short, abbrev []string
	}{
		{"province", "河北省", []string{"河北"}, nil},
		{"municipality", "北京市", []string{"北京"}, nil},
		{"autonomous region with its ethnic part", "广西壮族自治区", []string{"广西"}, nil},
		{"维吾尔 without 族", "新疆维吾尔自治区", []string{"新疆"}, nil},
		{"内蒙古 keeps 蒙古", "内蒙古自治区", []string{"内蒙古"}, nil},
		{"autonomous prefecture gets stem+州", "甘南藏族自治州", []string{"甘南州", "甘南"}, nil},
		{"several nationalities", "湘西土家族苗族自治州", []string{"湘西州", "湘西"}, nil},
		{"autonomous county gets stem+县", "长阳土家族自治县", []string{"长阳县", "长阳"}, nil},
		{"nationality is the whole stem", "鄂温克族自治旗", []string{"鄂温克旗", "鄂温克"}, nil},
		{"prefecture 地区", "阿里地区", []string{"阿里"}, nil},
		{"league", "锡林郭勒盟", []string{"锡林郭勒"}, nil},
		{"banner abbreviation", "达拉特旗", []string{"达拉特"}, []string{"达旗"}},
		{"banner with 前", "鄂托克前旗", []string{"鄂托克前"}, []string{"鄂前旗"}},
		{"banner with 左翼", "科尔沁左翼中旗", []string{"科尔沁左翼中"}, []string{"科左中旗"}},
		{"new area", "浦东新区", []string{"浦东"}, nil},
		{"forestry district", "神农架林区", []string{"神农架"}, nil},
		{"stem of one character keeps nothing", "蓟县", nil, nil},
		{"district of one-character stem", "城区", nil, nil},
		{"functional zone has no short form", "合肥高新技术产业开发区", nil, nil},
		{"street office", "东华门街道", []string{"东华门"}, nil},
		{"old street office", "八宝山街道办事处", []string{"八宝山"}, nil},
		{"ethnic township", "喇叭沟门满族乡", []string{"喇叭沟门"}, nil},
		{"town", "虎门镇", []string{"虎门"}, nil},
		{"county-level city", "济源市", []string{"济源"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			s, a := ShortForms(tt.name)
			if !reflect.DeepEqual(s, tt.short) || !reflect.DeepEqual(a, tt.abbrev) {
				t.Errorf("ShortForms(%q) = %q %q, want %q %q", tt.name, s, a, tt.short, tt.abbrev)
			}
		})
	}
}

// tiny is a made-up package in the 1.x JSON shape, padded codes included.
var tiny = map[Level]string{
	Province:   `[{"code":"110000","name":"北京市"},{"code":"440000","name":"广东省"},{"code":"410000","name":"河南省"}]`,
	Prefecture: `[{"code":"110100","name":"市辖区","parent_code":"110000"},{"code":"110200","name":"县","parent_code":"110000"},{"code":"441900","name":"东莞市","parent_code":"440000"},{"code":"419000","name":"省直辖县级行政区划","parent_code":"410000"}]`,
	County:     `[{"code":"110101","name":"东城区","parent_code":"110100"},{"code":"110228","name":"密云县","parent_code":"110200"},{"code":"441900","name":"东莞市","parent_code":"441900"},{"code":"419001","name":"济源市","parent_code":"419000"}]`,
	Township:   `[{"code":"110101001000","name":"东华门街道办事处","parent_code":"110101"},{"code":"441900121000","name":"虎门镇","parent_code":"441900"}]`,
}

func tinyRecs(t *testing.T) []Rec {
	var raw []Rec
	for l := Province; l <= Township; l++ {
		rs, err := ParseJSON([]byte(tiny[l]), l)
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, rs...)
	}
	return raw
}

func TestBuildSkipsPlaceholdersAndReparents(t *testing.T) {
	got := map[string]string{}
	for _, r := range Build(tinyRecs(t)) {
		got[r.Code+" "+r.Name] = r.Parent
	}
	want := map[string]string{
		"11 北京市":             "",
		"44 广东省":             "",
		"41 河南省":             "",
		"4419 东莞市":           "44",
		"110101 东城区":         "11", // 市辖区 1101 skipped
		"110228 密云县":         "11", // 县 1102 skipped
		"419001 济源市":         "41", // 省直辖县级行政区划 skipped
		"110101001 东华门街道办事处": "110101",
		"441900121 虎门镇":      "4419", // county 东莞市 duplicates the prefecture
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Build:\n got %v\nwant %v", got, want)
	}
	if !IsPlaceholder("市辖区") || IsPlaceholder("市中区") {
		t.Error("IsPlaceholder")
	}
}

func TestDiffFormer(t *testing.T) {
	old := Build(tinyRecs(t))
	cur := Build([]Rec{
		{Code: "11", Name: "北京市", Level: Province},
		{Code: "44", Name: "广东省", Level: Province},
		{Code: "41", Name: "河南省", Level: Province},
		{Code: "4419", Name: "东莞市", Level: Prefecture, Parent: "44"},
		{Code: "110101", Name: "东城区", Level: County, Parent: "11"},
		{Code: "110118", Name: "密云区", Level: County, Parent: "11"}, // new code, same stem
		{Code: "419001", Name: "济源市", Level: County, Parent: "41"},
		{Code: "110101001", Name: "东华门街道", Level: Township, Parent: "110101"}, // spelling only
		{Code: "441900121", Name: "太平镇", Level: Township, Parent: "4419"},     // township code reused: not a former name
	})
	got := DiffFormer(old, cur)
	want := []Former{{Name: "密云县", Code: "110118", Rule: "stem"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DiffFormer = %+v, want %+v", got, want)
	}
	// Same code, changed name and stem, county level, same parent: former.
	got = DiffFormer(
		[]Rec{{Code: "360402", Name: "庐山区", Level: County, Parent: "3604"}},
		[]Rec{{Code: "360402", Name: "濂溪区", Level: County, Parent: "3604"}})
	if len(got) != 1 || got[0].Rule != "code" {
		t.Errorf("renamed county: %+v", got)
	}
}

func TestFormatTable(t *testing.T) {
	b := string(FormatTable(Build([]Rec{{Code: "6230", Name: "甘南藏族自治州", Level: Prefecture, Parent: "62"}})))
	if !strings.Contains(b, "6230\t甘南藏族自治州\t2\t62\t甘南州,甘南\t\n") {
		t.Errorf("FormatTable = %q", b)
	}
}
