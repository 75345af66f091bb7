SELECT race.step();
