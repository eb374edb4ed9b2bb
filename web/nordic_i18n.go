package web

// nordicMessages are the Nordic comparison's texts, added to messages at
// start.
var nordicMessages = map[string][2]string{
	"nordic.lead": {"Hvert land står på datoen i tabellen til Generalistkommuneutvalget (utvalgets presentasjon): Norge og Finland beregnet her fra tall per kommune på de datoene som gir utvalgets tall, og utvalgets egne tall for alle fem land. Datoen står ved hver rad.",
		"Each country is on the date of the table of Generalistkommuneutvalget (the committee's presentation): Norway and Finland computed here from figures per municipality on the dates that give the committee's figures, and the committee's own figures for all five countries. The date is given on every row."},
	"nordic.lead.year":                                    {"Norge per 1. januar %d og Finland per 31. desember %d, beregnet her fra tall per kommune, og de publiserte tallene i kilden.", "Norway on 1 January %d and Finland on 31 December %d, computed here from figures per municipality, and the published figures of the source."},
	"nordic.country.NO":                                   {"Norge", "Norway"},
	"nordic.country.FI":                                   {"Finland", "Finland"},
	"nordic.country.SE":                                   {"Sverige", "Sweden"},
	"nordic.country.DK":                                   {"Danmark", "Denmark"},
	"nordic.country.IS":                                   {"Island", "Iceland"},
	"nordic.variant.mainland":                             {"%s uten Åland", "%s without Åland"},
	"nordic.variant.withaland":                            {"%s med Åland", "%s with Åland"},
	"nordic.variant.published":                            {"%s, publisert tabell", "%s, published table"},
	"nordic.date.notstated":                               {"dato ikke oppgitt i kilden", "date not given in the source"},
	"nordic.date.turnofyear":                              {"årsskiftet %d/%d", "turn of the year %d/%d"},
	"nordic.date.perfigure":                               {"ulike datoer, se under", "different dates, see below"},
	"nordic.how.computed":                                 {"beregnet her", "computed here"},
	"nordic.how.published":                                {"publisert", "published"},
	"nordic.short.ssb_07459":                              {"SSB", "Statistics Norway"},
	"nordic.short.statistics_finland_yle":                 {"Statistics Finland", "Statistics Finland"},
	"nordic.short.generalistkommuneutvalget_presentasjon": {"Utvalget", "The committee"},
	"nordic.short.kmd_vare_naboland_2014":                 {"KMD", "KMD"},
	"nordic.src.ssb_07459":                                {"Statistisk sentralbyrå, tabell 07459 (folkemengde 1. januar)", "Statistics Norway, table 07459 (population 1 January)"},
	"nordic.src.statistics_finland_yle":                   {"Statistics Finland (Tilastokeskus), via Yle", "Statistics Finland, via Yle"},
	"nordic.src.generalistkommuneutvalget_presentasjon":   {"Generalistkommuneutvalgets presentasjon", "Generalistkommuneutvalget's presentation"},
	"nordic.src.kmd_vare_naboland_2014":                   {"KMD, «Våre naboland»", "KMD, «Våre naboland» (Our neighbours)"},
	"nordic.figures":                                      {"Datoene bak tallene i den publiserte tabellen", "The dates behind the figures of the published table"},
	"nordic.figures.lead":                                 {"Kilden oppgir ingen dato. Her står, for hvert tall, på hvilke av datoene som er sjekket tallene per kommune gir det samme tallet som kilden, avrundet slik kilden har avrundet det. Datoer som er sjekket: %s.", "The source gives no date. For each figure, this lists on which of the dates checked the figures per municipality give the same figure as the source, rounded as the source rounded it. Dates checked: %s."},
	"nordic.figures.none":                                 {"ingen av datoene", "none of the dates"},
	"nordic.figure":                                       {"Tall", "Figure"},
	"nordic.gap.nodata":                                   {"%s: ingen tall per kommune for %s.", "%s: no figures per municipality for %s."},
	"nordic.gap.notinsrc":                                 {"%s: kilden har ingen tall.", "%s: the source has no figures."},
	"nordic.match.mainland":                               {"%s (uten Åland)", "%s (without Åland)"},
	"nordic.match.withaland":                              {"%s (med Åland)", "%s (with Åland)"},
	"nordic.and":                                          {" og ", " and "},
}

func init() { addMessages("the Nordic comparison", nordicMessages) }
