import Foundation
import Mustache
import Synchronization

/// The Mustache templates: the built-in copies of `templates/`, or a folder given with
/// `--templates` (every `*.mustache` and `*.css` file, named by its path without the `.mustache`
/// extension, so `partials/footer.mustache` is the partial `partials/footer` and `style.css` the
/// partial `style.css`).
struct TemplateLibrary {
    let library: MustacheLibrary

    init(directory: URL?) throws {
        let sources = try directory.map(Self.read) ?? BuiltinTemplates.files
        IsolatingHTMLEscape.registered
        var library = MustacheLibrary()
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            let isTemplate = path.hasSuffix(".mustache")
            let name = isTemplate ? String(path.dropLast(".mustache".count)) : path
            do {
                // Every template's values, the built-in ones' and a --templates folder's, are
                // escaped with their bidirectional controls isolated.
                try library.register(isTemplate ? IsolatingHTMLEscape.pragma + text : text, named: name)
            } catch {
                throw ReportRenderError.badTemplate(name: path, reason: "\(error)")
            }
        }
        for required in ["index", "business-unit", "months-index"] where library.getTemplate(named: required) == nil {
            throw ReportRenderError.missingTemplate(name: "\(required).mustache", directory: directory?.path ?? "built-in")
        }
        self.library = library
    }

    func render(_ page: Any, template: String) throws -> String {
        guard let text = library.render(page, withTemplate: template) else {
            throw ReportRenderError.missingTemplate(name: "\(template).mustache", directory: "")
        }
        return text
    }

    /// Every template file under `directory`, keyed by its relative path.
    static func read(_ directory: URL) throws -> [String: String] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw ReportRenderError.unreadableTemplates(directory: directory.path, reason: "not a readable folder")
        }
        var files: [String: String] = [:]
        for case let url as URL in walker where ["mustache", "css"].contains(url.pathExtension) {
            let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
            let relative = String(resolved.path.dropFirst(root.path.count + 1))
            do {
                files[relative] = try String(contentsOf: resolved, encoding: .utf8)
            } catch {
                throw ReportRenderError.unreadableTemplates(directory: resolved.path, reason: error.localizedDescription)
            }
        }
        return files
    }
}

/// The templates a renderer last parsed, so a month's pages and the months index after them parse
/// the templates once. Keyed by folder, as a renderer's `templatesDirectory` can change.
final class TemplateCache: Sendable {
    private let entry = Mutex<(directory: URL?, library: TemplateLibrary)?>(nil)

    /// The templates of `directory` (nil: the built-in ones), parsed on first use.
    func library(for directory: URL?) throws -> TemplateLibrary {
        try entry.withLock { entry in
            if let entry, entry.directory == directory { return entry.library }
            let library = try TemplateLibrary(directory: directory)
            entry = (directory, library)
            return library
        }
    }
}

/// Why rendering failed, naming the template or folder to fix.
public enum ReportRenderError: Error, CustomStringConvertible, Equatable {
    case missingTemplate(name: String, directory: String)
    case badTemplate(name: String, reason: String)
    case unreadableTemplates(directory: String, reason: String)
    case unsafeBusinessUnitId(String)

    public var description: String {
        switch self {
        case .missingTemplate(let name, let directory):
            "template \(name) not found in \(directory.isEmpty ? "the template folder" : directory)"
        case .badTemplate(let name, let reason):
            "template \(name) does not parse: \(reason)"
        case .unreadableTemplates(let directory, let reason):
            "cannot read templates from \(directory): \(reason)"
        case .unsafeBusinessUnitId(let id):
            "business unit id '\(id)' cannot name a report file: use [a-z0-9-]{1,40}, not a name the month's own files use"
        }
    }
}
