extension LocalDay {
    /// True when this day is more than ``EstimationDefaults/horizonYears`` years after `today` (a finish that far
    /// away says "never at this pace" better as words than as a date).
    public func isBeyondHorizon(from today: LocalDay) -> Bool {
        dayNumber - today.dayNumber > 365 * EstimationDefaults.horizonYears
    }
}
