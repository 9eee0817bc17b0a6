# How the model menu names a model; $name is the model's name from config/models.json.
model-demo-label = { $name } (demo)
