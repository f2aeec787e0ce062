module github.com/parlance-go/parlance

go 1.26.0

require (
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/go-echarts/go-echarts/v2 v2.6.7
	golang.org/x/net v0.62.0
	gonum.org/v1/gonum v0.17.0
	gopkg.in/neurosnap/sentences.v1 v1.0.6
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/neurosnap/sentences v1.0.6 // indirect
	github.com/stretchr/testify v1.6.1 // indirect
	golang.org/x/tools v0.30.0 // indirect
)
