# मॉडल मेन्यू में मॉडल का नाम; $name config/models.json से आता है।
model-demo-label = { $name } (डेमो)
