package text_test

import (
	"fmt"

	"github.com/parlance-go/parlance/analysis/text"
)

func ExampleSegmenter_Split() {
	seg := text.NewSegmenter() // load once, reuse for every answer
	answer := "I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345. " +
		"Costs of £1.5 million were met by the Department.\n\n" +
		"The figures are:\n2023: 17"
	for _, s := range seg.Split(answer) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// 0-77 I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.
	// 78-128 Costs of £1.5 million were met by the Department.
	// 130-146 The figures are:
	// 147-155 2023: 17
}

func ExampleNormalize() {
	fmt.Println(text.Normalize("It is not Government  policy to comment on the Government’s security arrangements."))
	// Output: it is not government policy to comment on the government's security arrangements.
}
