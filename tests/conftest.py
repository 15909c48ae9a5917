pytest_plugins = ["hub.testing"]
