// Package decimal rounds quotients of whole numbers to a few decimal places, exactly: the
// rounding is done on the exact quotient, half away from zero (2/3 → 0.67, 1/8 → 0.13),
// never on a float that is already off by a little (math.Round(2.675*100) gives 267). A
// zero divisor gives nil, which the API writes as null.
package decimal

import "math/big"

// Quotient is num / den rounded to places decimals; nil when den is 0.
func Quotient(num, den int64, places int) *float64 {
	return quotient(big.NewInt(num), den, places)
}

// Percent is part / whole × 100 rounded to one decimal; nil when whole is 0.
func Percent(part, whole int64) *float64 {
	n := new(big.Int).Mul(big.NewInt(part), big.NewInt(100))
	return quotient(n, whole, 1)
}

func quotient(num *big.Int, den int64, places int) *float64 {
	if den == 0 {
		return nil
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(num, scale)
	d := big.NewInt(den)
	q, r := new(big.Int).QuoRem(n, d, new(big.Int)) // q truncated toward zero
	// Round half away from zero: |r| ≥ |d|/2, i.e. 2|r| ≥ |d|.
	twiceR := new(big.Int).Lsh(new(big.Int).Abs(r), 1)
	if twiceR.Cmp(new(big.Int).Abs(d)) >= 0 {
		if n.Sign()*d.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	// q / scale as the float nearest to that decimal: big.Rat rounds correctly, so JSON's
	// shortest form of the float prints the decimal itself.
	f, _ := new(big.Rat).SetFrac(q, scale).Float64()
	return &f
}
