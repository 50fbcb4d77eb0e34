namespace sdm {}
