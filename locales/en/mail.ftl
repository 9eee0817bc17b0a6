# Mail subjects and bodies. $site is the site's name.

mail-verify-subject = Confirm your email for { $site }
mail-reset-subject = Reset your { $site } password
mail-account-deleted-subject = Your { $site } account is deleted
mail-payment-approved-subject = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
} added to your { $site } balance
mail-payment-rejected-subject = Your { $site } payment could not be confirmed
