# Why a job ended without an image, when Atelier itself says so.
job-reason-deadline = Not finished within { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}, so it was stopped.
job-reason-requeued = The worker stopped responding; the job was queued again.
job-reason-gave-up = The worker stopped responding and no attempts are left.
job-reason-gpu = The GPU machine could not finish this image.
job-reason-not-made = The image could not be made.
job-reason-model-gone = This model is no longer offered, so the image could not be made.
job-reason-canceled = Canceled by its owner.
