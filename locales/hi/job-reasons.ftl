# जब Atelier ख़ुद बताता है कि कोई काम बिना तस्वीर के क्यों ख़त्म हुआ।
job-reason-deadline = { $minutes } { $minutes ->
    [0] मिनट
    [one] मिनट
   *[other] मिनट
} में पूरा नहीं हुआ, इसलिए रोक दिया गया।
job-reason-requeued = वर्कर ने जवाब देना बंद कर दिया; काम फिर से कतार में लगा दिया गया।
job-reason-gave-up = वर्कर ने जवाब देना बंद कर दिया और अब कोई कोशिश बाकी नहीं है।
job-reason-gpu = GPU मशीन यह तस्वीर पूरी नहीं कर सकी।
job-reason-not-made = तस्वीर नहीं बन पाई।
job-reason-model-gone = यह मॉडल अब उपलब्ध नहीं है, इसलिए तस्वीर नहीं बन पाई।
job-reason-canceled = इसके मालिक ने रद्द किया।
