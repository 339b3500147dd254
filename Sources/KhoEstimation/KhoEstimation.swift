// Estimation maths.
