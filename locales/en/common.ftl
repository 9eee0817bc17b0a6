# Shared words: the language's own name, dates, numbers of credits.

language-name = English

format-date = { $day } { $month } { $year }
format-date-time = { $date }, { $time }
month-jan = Jan
month-feb = Feb
month-mar = Mar
month-apr = Apr
month-may = May
month-jun = Jun
month-jul = Jul
month-aug = Aug
month-sep = Sep
month-oct = Oct
month-nov = Nov
month-dec = Dec

# A number of the site's credits; $unit and $units are the site's own singular and plural.
credits-count = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
}
