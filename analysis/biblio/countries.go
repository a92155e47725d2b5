package biblio

import (
	"regexp"
	"strings"
)

// Country returns the country an address names, in upper case and
// normalised as bibliometrix groups countries, or "" when it names none of
// the countries the package knows. It looks at the last comma-separated
// part of the address, then the one before (a reference fragment under
// WoS C1, "P1541", names none): a part that is, or ends with, a country's
// name ("F-14050 CAEN FRANCE" → FRANCE); "USA", "United States" and a US
// state with or without its ZIP code ("OAK RIDGE,TN 37830") are USA;
// England, Scotland, Wales and Northern Ireland are UNITED KINGDOM;
// "Peoples R China" is CHINA, "South Korea" KOREA.
func Country(addr string) string {
	addr = strings.ToUpper(strings.TrimSpace(withoutEmail(addr)))
	addr = strings.TrimRight(addr, ". ")
	parts := strings.Split(addr, ",")
	for k := len(parts) - 1; k >= 0 && k >= len(parts)-2; k-- {
		if c := countryOf(strings.TrimSpace(parts[k])); c != "" {
			return c
		}
	}
	return ""
}

// countryOf returns the country one part of an address names, or "".
func countryOf(p string) string {
	p = strings.TrimRight(p, ". ")
	if p == "" {
		return ""
	}
	if reUSState.MatchString(p) {
		return "USA"
	}
	if c := known(p); c != "" {
		return c
	}
	// The country after a postal code or a city: try the last words.
	words := strings.Fields(p)
	for n := min(4, len(words)-1); n >= 1; n-- {
		if c := known(strings.Join(words[len(words)-n:], " ")); c != "" {
			return c
		}
	}
	return ""
}

// known returns the normalised country s names exactly, or "".
func known(s string) string {
	if c, ok := aliases[s]; ok {
		return c
	}
	if countryNames[s] {
		return s
	}
	return ""
}

// reUSState matches a US state's code with or without its ZIP code: "TN
// 37830", "CA 94305-4060", "NY".
var reUSState = regexp.MustCompile(`^(A[LKZR]|C[AOT]|DE|DC|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]) \d{5}(-\d{4})?$`)

var aliases = map[string]string{
	"UNITED STATES": "USA", "UNITED STATES OF AMERICA": "USA", "U.S.A": "USA", "US": "USA",
	"ENGLAND": "UNITED KINGDOM", "SCOTLAND": "UNITED KINGDOM", "WALES": "UNITED KINGDOM",
	"NORTH IRELAND": "UNITED KINGDOM", "NORTHERN IRELAND": "UNITED KINGDOM", "UK": "UNITED KINGDOM",
	"U.K": "UNITED KINGDOM", "GREAT BRITAIN": "UNITED KINGDOM",
	"PEOPLES R CHINA": "CHINA", "PEOPLE'S REPUBLIC OF CHINA": "CHINA", "P.R. CHINA": "CHINA", "PR CHINA": "CHINA",
	"P R CHINA": "CHINA", "REPUBLIC OF KOREA": "KOREA", "SOUTH KOREA": "KOREA", "RUSSIAN FEDERATION": "RUSSIA",
	"VIET NAM": "VIETNAM", "TURKIYE": "TURKEY", "TÜRKIYE": "TURKEY", "CZECHIA": "CZECH REPUBLIC",
	"FED REP GER": "GERMANY", "U ARAB EMIRATES": "UNITED ARAB EMIRATES", "UAE": "UNITED ARAB EMIRATES",
	"IRAN (ISLAMIC REPUBLIC OF)": "IRAN", "ISLAMIC REPUBLIC OF IRAN": "IRAN", "THE NETHERLANDS": "NETHERLANDS",
	"HONG KONG": "CHINA", "MACAU": "CHINA", "MACAO": "CHINA", "REPUBLIC OF CHINA": "TAIWAN",
	"BOSNIA & HERCEG": "BOSNIA AND HERZEGOVINA", "TRINID & TOBAGO": "TRINIDAD AND TOBAGO",
	"COTE IVOIRE": "COTE D'IVOIRE", "IVORY COAST": "COTE D'IVOIRE", "DEM REP CONGO": "CONGO",
	"REP CONGO": "CONGO", "PAPUA N GUINEA": "PAPUA NEW GUINEA", "BRUNEI DARUSSALAM": "BRUNEI",
	"SYRIAN ARAB REPUBLIC": "SYRIA", "USSR": "RUSSIA", "W GERMANY": "GERMANY", "WEST GERMANY": "GERMANY",
}

var countryNames = map[string]bool{}

func init() {
	for c := range strings.SplitSeq(`AFGHANISTAN|ALBANIA|ALGERIA|ANDORRA|ANGOLA|ARGENTINA|ARMENIA|AUSTRALIA|AUSTRIA|AZERBAIJAN|
BAHAMAS|BAHRAIN|BANGLADESH|BARBADOS|BELARUS|BELGIUM|BELIZE|BENIN|BHUTAN|BOLIVIA|BOSNIA AND HERZEGOVINA|BOTSWANA|
BRAZIL|BRUNEI|BULGARIA|BURKINA FASO|BURUNDI|CAMBODIA|CAMEROON|CANADA|CAPE VERDE|CHAD|CHILE|CHINA|COLOMBIA|
COMOROS|CONGO|COSTA RICA|COTE D'IVOIRE|CROATIA|CUBA|CYPRUS|CZECH REPUBLIC|DENMARK|DJIBOUTI|DOMINICAN REPUBLIC|
ECUADOR|EGYPT|EL SALVADOR|ERITREA|ESTONIA|ETHIOPIA|FIJI|FINLAND|FRANCE|GABON|GAMBIA|GEORGIA|GERMANY|GHANA|
GREECE|GREENLAND|GRENADA|GUATEMALA|GUINEA|GUINEA-BISSAU|GUYANA|HAITI|HONDURAS|HUNGARY|ICELAND|INDIA|INDONESIA|
IRAN|IRAQ|IRELAND|ISRAEL|ITALY|JAMAICA|JAPAN|JORDAN|KAZAKHSTAN|KENYA|KOREA|NORTH KOREA|KOSOVO|KUWAIT|KYRGYZSTAN|
LAOS|LATVIA|LEBANON|LESOTHO|LIBERIA|LIBYA|LIECHTENSTEIN|LITHUANIA|LUXEMBOURG|MACEDONIA|NORTH MACEDONIA|
MADAGASCAR|MALAWI|MALAYSIA|MALDIVES|MALI|MALTA|MAURITANIA|MAURITIUS|MEXICO|MOLDOVA|MONACO|MONGOLIA|
MONTENEGRO|MOROCCO|MOZAMBIQUE|MYANMAR|NAMIBIA|NEPAL|NETHERLANDS|NEW ZEALAND|NICARAGUA|NIGER|NIGERIA|NORWAY|
OMAN|PAKISTAN|PALESTINE|PANAMA|PAPUA NEW GUINEA|PARAGUAY|PERU|PHILIPPINES|POLAND|PORTUGAL|PUERTO RICO|QATAR|
ROMANIA|RUSSIA|RWANDA|SAUDI ARABIA|SENEGAL|SERBIA|SEYCHELLES|SIERRA LEONE|SINGAPORE|SLOVAKIA|SLOVENIA|
SOMALIA|SOUTH AFRICA|SOUTH SUDAN|SPAIN|SRI LANKA|SUDAN|SURINAME|SWAZILAND|ESWATINI|SWEDEN|SWITZERLAND|SYRIA|
TAIWAN|TAJIKISTAN|TANZANIA|THAILAND|TOGO|TRINIDAD AND TOBAGO|TUNISIA|TURKEY|TURKMENISTAN|UGANDA|UKRAINE|
UNITED ARAB EMIRATES|UNITED KINGDOM|URUGUAY|USA|UZBEKISTAN|VENEZUELA|VIETNAM|YEMEN|YUGOSLAVIA|ZAMBIA|ZIMBABWE`, "|") {
		countryNames[strings.TrimSpace(c)] = true
	}
}

// institution returns the institution of an address, in upper case, as
// bibliometrix's AU_UN finds it: of the comma-separated parts without a
// digit, the first (in the order of instTags) holding one of the words
// institutions are named with (UNIV, COLL, SCH, INST …), "&" written AND;
// "" when no part holds one ("Dept Phys, Caen, France"). "Department of
// Optometry, University of Cape Coast, Cape Coast, Ghana" → "UNIVERSITY OF
// CAPE COAST".
func institution(addr string) string {
	parts := strings.Split(strings.ToUpper(withoutEmail(addr)), ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), "."))
	}
	for _, tag := range instTags {
		for _, p := range parts {
			if strings.Contains(p, tag) && !strings.ContainsAny(p, "0123456789") {
				return strings.ReplaceAll(p, "&", "AND")
			}
		}
	}
	return ""
}

// instTags are the words bibliometrix's AU_UN takes an address part for an
// institution by, in its order of preference.
var instTags = []string{"UNIV", "COLL", "SCH", "INST", "ACAD", "ECOLE", "CTR", "SCI", "CENTRE", "CENTER", "CENTRO",
	"HOSP", "ASSOC", "COUNCIL", "FONDAZ", "FOUNDAT", "ISTIT", "LAB", "TECH", "RES", "CNR", "ARCH", "SCUOLA",
	"PATENT OFF", "CENT LIB", "HEALTH", "NATL", "LIBRAR", "CLIN", "FDN", "OECD", "FAC", "WORLD BANK", "POLITECN",
	"INT MONETARY FUND", "CLIMA", "METEOR", "OFFICE", "ENVIR", "CONSORTIUM", "OBSERVAT", "AGRI", "MIT ", "INFN", "SUNY "}

// withoutEmail returns addr without the "Electronic address: …" that
// PubMed's AD lines end with ("…, Poland. Electronic address: x@y.pl.").
func withoutEmail(addr string) string {
	if i := strings.Index(strings.ToUpper(addr), "ELECTRONIC ADDRESS"); i > 0 {
		return strings.TrimSpace(addr[:i])
	}
	return addr
}

// correspondence returns the first address of a correspondence field:
// without WoS's "Name (reprint author), " or "(corresponding author), "
// before it, without the name Scopus puts before the first "; " ("Y. Li;
// Department …") and without what Scopus appends ("…, China; email:
// x@y").
func correspondence(s string) string {
	u := strings.ToUpper(s)
	if i := strings.Index(u, "; EMAIL:"); i >= 0 {
		s, u = s[:i], u[:i]
	}
	found := false
	for _, tag := range []string{"(REPRINT AUTHOR)", "(CORRESPONDING AUTHOR)"} {
		if i := strings.Index(u, tag); i >= 0 {
			s, found = s[i+len(tag):], true
			break
		}
	}
	s = strings.TrimLeft(s, ", ")
	if found { // WoS: further authors' addresses follow after "; "
		s, _, _ = strings.Cut(s, "; ")
	} else if _, rest, ok := strings.Cut(s, "; "); ok { // Scopus: the name first
		s = rest
	}
	return strings.TrimSpace(s)
}
