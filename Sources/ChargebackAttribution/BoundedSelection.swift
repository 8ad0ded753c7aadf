/// Keeps the best `limit` elements of a stream in O(n log limit) time and O(limit) memory: a heap
/// whose root is the worst element kept, so most candidates are refused with one comparison.
struct BoundedSelection<Element> {
    let limit: Int
    /// Whether the first element ranks before the second; must be a strict total order.
    let ranksBefore: (Element, Element) -> Bool
    private(set) var heap: [Element] = []

    init(limit: Int, ranksBefore: @escaping (Element, Element) -> Bool) {
        self.limit = limit
        self.ranksBefore = ranksBefore
        heap.reserveCapacity(limit)
    }

    mutating func offer(_ element: Element) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(element)
            siftUp(heap.count - 1)
        } else if ranksBefore(element, heap[0]) {
            heap[0] = element
            siftDown(0)
        }
    }

    // The heap order: a parent ranks after (is worse than) its children.
    private func worse(_ lhs: Int, _ rhs: Int) -> Bool { ranksBefore(heap[rhs], heap[lhs]) }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard worse(child, parent) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < heap.count, worse(left, worst) { worst = left }
            if right < heap.count, worse(right, worst) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
