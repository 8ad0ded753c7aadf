/// The shape of an AWS region name (`us-east-1`, `us-gov-west-1`, `ap-southeast-2`); whether
/// the region exists is left to AWS.
public enum AWSRegionFormat {
    public static func isValid(_ text: String) -> Bool {
        text.wholeMatch(of: /[a-z]{2}(-gov)?-[a-z]+-\d/) != nil
    }
}
