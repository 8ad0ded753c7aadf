import Foundation

/// One rendered file of a month's folder: its name relative to the folder and its bytes.
public struct ReportFile: Sendable, Equatable {
    /// A plain file name (`index.html`, `retail.csv`): never a path.
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    init(name: String, text: String) {
        self.init(name: name, data: Data(text.utf8))
    }
}
