package numfmt

import (
	"fmt"
	"math"
	"testing"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{
		0: "0", 7: "7", 999: "999", 1000: "1,000", 50000: "50,000", 123456: "123,456",
		1234567: "1,234,567", -1: "-1", -1234: "-1,234", -999999: "-999,999",
		math.MinInt64: "-9,223,372,036,854,775,808",
	} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func ExampleThousands() {
	fmt.Println(Thousands(64476), Thousands(-2437))
	// Output: 64,476 -2,437
}
