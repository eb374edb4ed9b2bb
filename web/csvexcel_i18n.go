package web

// csvExcelMessages are the words of the download links that offer a CSV
// file in two variants: the standard one (comma, decimal point) and the
// one Excel with Norwegian settings opens correctly (format=csv-excel,
// generalist.ExcelCSV). Added to messages at start.
var csvExcelMessages = map[string][2]string{
	"csv.std":   {"CSV", "CSV"},
	"csv.excel": {"CSV for Excel (semikolon, desimalkomma)", "CSV for Excel (semicolon, decimal comma)"},
}

func init() { addMessages("the CSV links", csvExcelMessages) }
