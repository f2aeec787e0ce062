package roundrobin

import "testing"

const benchQuestion = "To ask the Secretary of State for Levelling Up, Housing and Communities, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years; and if he will make a statement on his Department's policy."

func BenchmarkNeutralise(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Neutralise(benchQuestion)
	}
}

func BenchmarkPrepare(b *testing.B) {
	in := interner{}
	for i := 0; i < b.N; i++ {
		prepare(benchQuestion, false, in)
	}
}
