package analysis

import "strings"

// stopwords are the folded words (graph.Fold: lower case, no diacritics, no
// apostrophes) that never become terms: English function words, the
// generic words of academic abstracts and the labels of structured
// abstracts (Emerald's "Purpose", "Design/methodology/approach", "Findings",
// "Research limitations/implications", "Originality/value"), and the
// publishers' boilerplate ("© 2012 APA, all rights reserved"). Words shorter
// than three letters are dropped anyway and are not listed.
//
// The map is built once and only read.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopwordList) {
		m[w] = true
	}
	return m
}()

const stopwordList = `
about above across after again against all almost alone along already also although always among amongst
and another any anyone anything anyway anywhere are aren arent around because been before behind being
below beside besides between beyond both but can cannot cant could couldnt did didnt does doesnt doing
done dont down due during each either else elsewhere enough etc even ever every everyone everything
everywhere few for former formerly from further had hadnt has hasnt have havent having hence her here
hers herself him himself his how however into isnt its itself just last latter least less let
lets many may maybe might more moreover most mostly much must myself namely neither never nevertheless
next nobody none nor not nothing now nowhere off often once one only onto other others otherwise our
ours ourselves out over own per perhaps please put quite rather really same several shall she should
shouldnt since some somehow someone something sometimes somewhere still such than that thats the their
theirs them themselves then thence there thereafter thereby therefore therein thereof these they thing
things this those though through throughout thus together too toward towards under until upon very via
was wasnt well were werent what whatever when whence whenever where whereas whereby wherein whether
which while whilst who whoever whole whom whose why will with within without wont would wouldnt yet
you your yours yourself yourselves
two three four five six seven eight nine ten first second third fourth fifth

use used uses using usage make makes made making get gets got give gives given take takes taken see seen
seem seems seemed show shows shown showed found find finds like likely unlike including include includes
included based new old high higher low lower large larger small smaller great greater good better best
different difference differences various number numbers part parts way ways across order terms term
within whereas overall general generally particular particularly specific specifically important
importantly key main major current currently recent recently previous previously related relating
regarding respect towards total

paper papers study studies studied article articles research researchers researched report reports
reported reporting review reviewed author authors purpose purposes aim aims aimed objective objectives
background introduction method methods methodology methodological design designed approach approaches
finding findings result results conclusion conclusions conclude concluded discussion implication
implications limitation limitations practical originality value abstract analysis analyses analysed
analyzed data evidence sample participants participant literature present presents presented suggest
suggests suggested indicate indicates indicated demonstrate demonstrates demonstrated examine examines
examined explore explores explored investigate investigates investigated identify identified
provide provides provided describe describes described discuss discusses discussed consider considered
paper type et al ibid table figure fig section chapter vol pp
comprised comprise comprises comprising exploring examining investigating identifying describing
considerable constituted constitute highlighting highlight highlights increasingly potential
provision offering offers offered seen view point faced face faces facing adds added lack lacking

copyright rights reserved ltd inc llc elsevier wiley springer emerald publishing published publisher
taylor francis sage apa psycinfo database record journal journals press university
`
