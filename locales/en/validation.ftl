# What a value typed into a form (or a tenant file) must be. Messages that start in lower
# case follow the field's name ("slug: must be 2 to 40 characters long").
# $value is what was typed, already in quotes.

## A tenant's settings

validation-slug-length = must be 2 to 40 characters long
validation-slug-characters = may only contain lower-case letters, digits and hyphens
validation-slug-hyphen-ends = must not start or end with a hyphen
validation-slug-reserved = is reserved by the platform; choose another
validation-tenant-status = must be "active" or "suspended"
validation-theme-name = must be a theme folder name: lower-case letters, digits, - and _
validation-colour = { $value } is not a colour; write it as #rrggbb, e.g. #6d28d9
validation-logo-url = must be a path on this site starting with /, e.g. /static/default/img/logo.svg
validation-support-email = must be an email address like help@example.com
validation-signup-bonus = must be between 0 and 100000
validation-model-id = { $value } is not a model id (letters, digits, - _ .)
validation-model-cost = { $model }: a price is from 1 to 1000 credits, not { $cost }
validation-language = { $value } is not a language we ship (en, hi)
validation-signup-limit = must be between 0 (no cap) and 1000
validation-max-image-side = must be a multiple of { $step } between { $min } and { $max }
validation-required = is required
validation-at-most-characters = must be at most { $max } characters
validation-whatsapp = must be a phone number with country code, e.g. +91 98765 43210

## Accounts

validation-control-characters = Remove the invisible control characters (such as a NUL byte or an escape code).
validation-email-empty = Enter your email address.
validation-email-too-long = That email address is too long.
validation-email-shape = Enter an email address like name@example.com.
validation-use-at-most = Use at most { $max } characters.
validation-token-name = Name the token (up to { $max } characters), e.g. "laptop script".
validation-password-too-short = Use at least { $min } characters. A few unrelated words make a strong, memorable password.
# $warning names what makes the password weak, or is "none".
validation-password-too-easy = That password is too easy to guess{ $warning ->
        [key-rows] {" "}(Straight rows of keys are easy to guess.)
        [keyboard-patterns] {" "}(Short keyboard patterns are easy to guess.)
        [repeats] {" "}(Repeats like "aaa" are easy to guess.)
        [repeated-words] {" "}(Repeats like "abcabcabc" are only slightly harder to guess than "abc".)
        [top-10] {" "}(This is a top-10 common password.)
        [top-100] {" "}(This is a top-100 common password.)
        [common] {" "}(This is a very common password.)
        [similar] {" "}(This is similar to a commonly used password.)
        [sequences] {" "}(Sequences like abc or 6543 are easy to guess.)
        [recent-years] {" "}(Recent years are easy to guess.)
        [one-word] {" "}(A word by itself is easy to guess.)
        [dates] {" "}(Dates are often easy to guess.)
        [names] {" "}(Names and surnames by themselves are easy to guess.)
        [common-names] {" "}(Common names and surnames are easy to guess.)
       *[none] {""}
    }. Try a longer one, or a few unrelated words.

## Images

validation-prompt-empty = Describe the image you want.
validation-prompt-too-long = Keep it under { $max } characters.
validation-side-number = Enter a whole number of pixels.
validation-side-range = Choose between { $min } and { $max } pixels.
validation-side-step = Use a multiple of { $step }, such as { $lower } or { $higher }.
validation-seed = Use a whole number from 0 upwards, or leave it empty.

## Dates typed as YYYY-MM-DD

validation-date-shape = { $value } is not a date; write it as YYYY-MM-DD, for example 2026-12-01.
validation-date-month = { $value } has no month { $month }; months run from 01 to 12.
validation-date-day = { $value } is not a day of the calendar.

## Payments

validation-pack-credits = A pack holds between 1 and { $max } credits.
validation-pack-price = A pack costs between { $min } and { $max }.
validation-reject-reason-short = Say why, in a few words: the user reads this in their mail.
validation-reject-reason-long = Keep the reason under 300 characters.
validation-utr-empty = Enter the 12-digit UTR (UPI transaction ID) shown in your UPI app.
validation-utr-app-id = That looks like your app's own transaction id, not the UTR. Open the payment in your UPI app and copy the 12-digit number labelled "UPI transaction ID", "UTR" or "UPI Ref No".
validation-utr-digit-count = A UTR has exactly 12 digits; you entered { $count }.
validation-utr-script = Type the UTR with the digits 0–9: some of these digits are from another script (such as Devanagari or full-width), which banks do not use.
validation-utr-symbols = A UTR is 12 digits, with no letters or symbols.
validation-vpa-shape = A UPI ID looks like name@bank, for example pixelforge@okaxis.
validation-vpa-characters = A UPI ID is letters, digits, dots, dashes or underscores, then @ and the bank's handle (letters and digits), for example pixelforge@okaxis.
validation-vpa-handle = The part of a UPI ID before the @ needs letters or digits, not only dots, dashes or underscores, for example pixelforge@okaxis.
validation-payee-empty = Enter the name UPI apps should show as the payee.
validation-payee-too-long = The payee name is at most 60 characters.
validation-rupees = { $value } is not an amount in rupees, like 149 or 149.50.
validation-rupees-empty = Enter a price in rupees.
validation-rupees-decimals = Prices have at most two decimals (paise).

## Bank statements: the column mapping, a row that cannot be read, a file that cannot be

validation-column-empty = Enter the column's name as the statement's header row shows it.
validation-column-too-long = A column name is at most 100 characters.
validation-statement-date = the date { $value } in column { $column } is not a date we can read (we read dates like 31/12/2023, 31-12-2023, 31 Dec 2023 or 2023-12-31)
validation-statement-direction = column { $column } says { $value }; we expected Cr (credit) or Dr (debit)
validation-statement-amount = the amount { $value } in column { $column } is not a number
validation-statement-too-large = This file is larger than 5 MB. Download the statement for a shorter period (a month or two) and upload that.
validation-statement-too-many-rows = This file has more than 50,000 rows. Download the statement for a shorter period (a month or two) and upload that.
validation-statement-empty = This file is empty. Download the statement from your bank again and upload it.
validation-statement-spreadsheet = This is an Excel workbook, not a CSV file. Download the statement as CSV (some banks call it "delimited" or "comma separated"), or open the workbook and save it as CSV.
validation-statement-pdf = This is a PDF statement, which we cannot read. Download the statement as CSV (some banks call it "delimited" or "comma separated") from your net banking.
validation-statement-not-text = This file is not a CSV statement. Upload the CSV file your bank exports.
# $count column names are missing: $last, and before it $rest (joined with commas).
validation-statement-no-header = This file has no header row with the columns the mapping names: { $count ->
        [0] no column is
        [one] { $last } is
       *[other] { $rest } and { $last } are
    } missing. Check that the statement is from the bank this mapping is for, or change the column names to match the file's header row.

# A refusal worded to follow a field's name, with the field's label in front.
validation-beside-field = { $field } { $problem }.
