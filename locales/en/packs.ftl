# The admin's "Packs & UPI" page: the credit packs a site sells and where buyers pay.
# $site is the site's name; $unit and $units the singular and plural of its credit
# ("Spark", "Sparks"); $price rupees already written ("₹149.00"); $pack a pack's credits
# with their unit ("50 Sparks").

packs-title = Packs & UPI
packs-admin = Admin
packs-description = The { $unit } packs { $site } sells and the UPI ID buyers pay to.
packs-lead = The { $unit } packs your buyers choose from, in the order they see them, and the UPI ID their payments go to.
packs-pack-credits = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
}

## Whether the site sells.

packs-selling = Selling
packs-selling-detail = Buyers see { $count } { $count ->
    [one] pack
   *[other] packs
} on sale and pay to <span class="mono break-anywhere">{ $vpa }</span>.
packs-not-selling = Not selling
packs-not-selling-nothing = Nobody can buy { $units } yet: enter your UPI ID below and put at least one pack on sale.
packs-not-selling-no-upi = Nobody can buy { $units }: enter your UPI ID below to start taking payments.
packs-not-selling-no-pack = Nobody can buy { $units }: put at least one pack on sale.

## The list of packs.

packs-packs = Packs
packs-caption = Packs, in the order buyers see them
packs-pack = Pack
packs-price = Price
packs-per-image = Per image
packs-per-unit = Per { $unit }
packs-status = Status
packs-actions = Actions
packs-on-sale = On sale
packs-off-sale = Off sale
packs-bought = Bought
packs-up = Up<span class="visually-hidden">: move { $pack } for { $price } up</span>
packs-down = Down<span class="visually-hidden">: move { $pack } for { $price } down</span>
packs-take-off-sale = Take off sale<span class="visually-hidden">: { $pack } for { $price }</span>
packs-put-on-sale = Put on sale<span class="visually-hidden">: { $pack } for { $price }</span>
packs-delete = Delete<span class="visually-hidden">: { $pack } for { $price }</span>
packs-edit = Edit<span class="visually-hidden">: { $pack } for { $price }</span>
packs-price-label = Price in ₹
packs-edit-hint = Requests already made keep the { $units } and price they were made at; only new ones use these.
packs-save = Save changes<span class="visually-hidden"> to { $pack }</span>
packs-bought-note = A pack that was ever bought stays on record with its payments, so it can't be deleted; take it off sale instead.
packs-none = No packs yet
packs-none-hint = Add your first pack below. Buyers see the packs on sale in the order listed here.

## Adding a pack.

packs-add-title = Add a pack
packs-add-hint = A new pack goes on sale at the end of the list; move it up or down afterwards.
packs-add = Add pack

## Where buyers pay.

packs-payee-title = Where buyers pay
packs-payee-lead = Buyers scan a UPI QR code made from these two values, so payments go straight to your account. Check the UPI ID carefully: a payment sent to a wrong one cannot be taken back.
packs-upi-id = UPI ID
packs-upi-id-example = yourname@okaxis
packs-upi-id-hint = As your UPI app shows it, for example yourshop@okaxis.
packs-payee-name = Payee name
packs-payee-name-hint = The name buyers see in their UPI app before they pay; up to 60 characters.
packs-save-upi = Save UPI details
packs-stop-hint = Stopping clears your UPI ID: the buy page closes until you enter one again. Payments already confirmed stay on the desk for you to decide.
packs-stop = Stop taking payments

## What the page says after a change, and the forms' messages.

packs-done-created = The pack was added at the end of the list, on sale.
packs-done-updated = The pack was changed. Requests already made keep their own credits and price.
packs-done-activated = The pack is on sale again.
packs-done-deactivated = The pack is off sale: buyers no longer see it.
packs-done-moved = The order was changed.
packs-done-deleted = The pack was deleted.
packs-done-payee = Your UPI ID and payee name were saved.
packs-done-stopped = Payments are stopped: your UPI ID was cleared, and nobody can buy until you enter one again.
packs-bought-refused = The pack of { $pack } for { $price } has been bought, so it stays on record with its payments. Deactivate it instead: it leaves the buy page and nothing else changes.
packs-credits-missing = Enter how many { $units } the pack holds, like 50.
# $typed is what was typed, in quotes.
packs-credits-not-number = { $typed } is not a whole number of { $units }; enter one like 50.
packs-upi-id-missing = Enter the UPI ID buyers pay to, like yourshop@okaxis. To stop taking payments, use “Stop taking payments” instead.
