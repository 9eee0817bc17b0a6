# /platform/settings: the rules every site works within, changed by super-admins.

platform-settings-title = Settings · Console · { $platform }
platform-settings-heading = Settings
platform-settings-lead = The rules every site works within. A change applies at once on every server.
platform-settings-card = Platform rules
platform-settings-size-cap = Largest image side (pixels)
platform-settings-size-cap-hint = A multiple of 8, from 64 to 4096. Each site picks its own maximum up to this; a site whose maximum is larger is held to it until this is raised again.
platform-settings-deadline = Time to finish an image (minutes)
platform-settings-deadline-hint = From 1 minute to a day ({ $max }). An image not finished in time fails, and its credits go back.
platform-settings-retries = Retries
platform-settings-retries-hint = How many more times a failed render is tried before the image fails: 0 to { $max }.
platform-settings-save = Save settings
platform-settings-saved = Saved. Images queued from now on follow these rules; those already waiting keep theirs.
platform-settings-source-file = These come from the server’s settings file (<code>[jobs]</code>). Once saved here, this page’s values are in force instead.
platform-settings-source-saved = Saved in this console; the settings file’s <code>deadline_secs</code> and <code>max_attempts</code> no longer apply.
platform-settings-file-card = Set in the settings file
platform-settings-active = Images one person may have waiting or rendering
# Holds markup: the setting in <code>.
platform-settings-active-where = <code>[jobs] active_per_user</code> in the server’s settings file; it applies when the servers restart.

validation-deadline = must be a whole number of minutes from 1 to { $max }
validation-retries = must be a whole number between 0 and { $max }

admin-audit-platform-settings = Changed the platform’s rules
