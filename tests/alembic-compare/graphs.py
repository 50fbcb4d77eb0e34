"""The revision graphs compare.py runs both tools on: each a list of revisions in file order."""


def rev(id, parents=(), depends=(), labels=(), message=None):
    return {"id": id, "parents": list(parents), "depends": list(depends), "labels": list(labels),
            "message": message or f"rev {id}"}


GRAPHS = {
    "linear": [rev("aa01"), rev("aa02", ["aa01"]), rev("aa03", ["aa02"])],
    "branched": [rev("b001"), rev("1e01", ["b001"]), rev("1e02", ["1e01"]),
                 rev("7901", ["b001"])],
    "merged": [rev("b001"), rev("1e01", ["b001"]), rev("7901", ["b001"]),
               rev("3e01", ["1e01", "7901"], message="merge"), rev("af01", ["3e01"])],
    "threeway": [rev("b001"), rev("c001", ["b001"]), rev("c002", ["b001"]),
                 rev("c003", ["b001"]), rev("3e01", ["c001", "c002", "c003"])],
    "two-merges": [rev("b001"), rev("1e01", ["b001"]), rev("7901", ["b001"]),
                   rev("3e01", ["1e01", "7901"]), rev("3e02", ["1e01", "7901"])],
    "two-bases": [rev("a001"), rev("a002", ["a001"]), rev("b001"), rev("b002", ["b001"])],
    "depends": [rev("c001", labels=["core"]), rev("c002", ["c001"]),
                rev("p001", depends=["c001"], labels=["plugin"]), rev("p002", ["p001"])],
    "depends-head": [rev("c001"), rev("c002", ["c001"]), rev("p001", depends=["c002"])],
    "unmerge": [rev("ba01"), rev("1e01", ["ba01"]), rev("1e02", ["1e01"]),
                rev("7901", ["ba01"], depends=["1e02"]), rev("3e01", ["1e02", "7901"])],
    "depends-chain": [rev("a001"), rev("a002", ["a001"]), rev("b001", depends=["a002"]),
                      rev("b002", ["b001"]), rev("c001", depends=["b002", "a001"])],
    "labels": [rev("ba01", labels=["main"]), rev("ma02", ["ba01"]),
               rev("fe01", ["ba01"], labels=["feature"]), rev("fe02", ["fe01"])],
    "merge-after-depends": [rev("ba01"), rev("1e01", ["ba01"]),
                            rev("7901", ["ba01"], depends=["1e01"]),
                            rev("7902", ["7901"]), rev("3e01", ["1e01", "7902"])],
    "cycle": [rev("cc01", ["cc03"]), rev("cc02", ["cc01"]), rev("cc03", ["cc02"])],
    "dependency-cycle": [rev("dd01"), rev("dd02", ["dd01"], depends=["dd03"]),
                         rev("dd03", depends=["dd02"])],
    "missing-parent": [rev("aa01"), rev("aa02", ["ffff"])],
    "missing-dependency": [rev("aa01"), rev("aa02", ["aa01"], depends=["eeee"])],
    "duplicate-label": [rev("aa01", labels=["x"]), rev("aa02", ["aa01"], labels=["x"])],
    "label-is-id": [rev("aa01"), rev("aa02", ["aa01"], labels=["aa01"])],
}
