module generalist

go 1.26.8
