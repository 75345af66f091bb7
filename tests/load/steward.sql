SELECT load.steward_step();
