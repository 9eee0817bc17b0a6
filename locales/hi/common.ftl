# साझा शब्द: भाषा का अपना नाम, तारीख़ें, क्रेडिट की गिनती।

language-name = हिन्दी

format-date = { $day } { $month } { $year }
format-date-time = { $date }, { $time }
month-jan = जन॰
month-feb = फ़र॰
month-mar = मार्च
month-apr = अप्रैल
month-may = मई
month-jun = जून
month-jul = जुल॰
month-aug = अग॰
month-sep = सित॰
month-oct = अक्टू॰
month-nov = नव॰
month-dec = दिस॰

credits-count = { $count } { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
