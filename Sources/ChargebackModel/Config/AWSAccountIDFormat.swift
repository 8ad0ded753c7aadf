/// The shape of an AWS account id: exactly 12 ASCII digits.
public enum AWSAccountIDFormat {
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
