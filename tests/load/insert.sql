SELECT load.insert_next();
