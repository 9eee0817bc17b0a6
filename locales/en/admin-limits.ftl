# /admin/limits: what the site allows, its models and prices, its support contacts and the
# words it refuses in prompts; and the refusal a blocked prompt gets.

admin-nav-limits = Limits
admin-limits-title = Limits · Admin · { $site }
admin-limits-eyebrow = Admin · { $site }
admin-limits-heading = Limits
admin-limits-lead = What your site allows, the models it offers and at what price, who answers your people, and the words it refuses in prompts. Changes apply at once.
admin-limits-saved = Saved. Your site follows these limits from now on.
admin-limits-use = Use
admin-limits-max-side = Largest image side (pixels)
admin-limits-max-side-hint = A multiple of 8, at most { $max }.
admin-limits-bonus = Sign-up bonus ({ $units })
admin-limits-bonus-hint = Given to each new account.
admin-limits-active = Jobs one person may have waiting or running
admin-limits-active-hint = 0 uses the platform’s limit ({ $cap }); a number of your own can be at most that.
admin-limits-active-over-platform = can be at most { $cap }, the platform’s limit
admin-limits-side-over-platform = can be at most { $cap }, the platform’s largest image side
admin-limits-whole-number = must be a whole number
admin-limits-models = Models and prices
admin-limits-no-model = Tick at least one model, or your site can make no images.
admin-limits-price = Price of one { $model } image ({ $units })
admin-limits-price-hint = Leave empty for the platform’s price ({ $cost }).
admin-limits-support = Support contacts
admin-limits-support-email = Support email
admin-limits-support-whatsapp = Support WhatsApp number
admin-limits-support-whatsapp-hint = With the country code, for example +91 98765 43210.
admin-limits-blocklist = Blocked words
admin-limits-blocklist-label = Words and phrases refused in prompts, one per line
admin-limits-blocklist-hint = A prompt holding one of these as whole words, in any case, is refused and costs nothing. Invisible characters (such as a zero-width space) and full-width letters do not hide a word, but a look-alike letter from another alphabet (a Cyrillic “о” in “gоre”) does: list such spellings too if they matter to you. At most { $max } lines.
admin-limits-save = Save limits
admin-audit-tenant-limits = Changed the site’s limits
limits-prompt-blocked = “{ $word }” is not allowed on this site. Please change your prompt.
validation-active-jobs = must be between 0 and { $max }
validation-blocklist-entry-length = “{ $entry }” is longer than { $max } characters
validation-blocklist-no-words = “{ $entry }” has no words to match
validation-blocklist-too-many = can hold at most { $max } lines
