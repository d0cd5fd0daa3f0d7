package decimal_test

import "encoding/json"

func jsonFloat(f float64) (string, error) {
	b, err := json.Marshal(f)
	return string(b), err
}
