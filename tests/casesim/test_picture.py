from learn.casesim.picture import NODE_WIDTH, case_picture

LOOPED = [("begin", None), ("tafel", 2), ("boos", 1), ("tafel", 1), ("afspraak", 1)]
BEST = [("begin", None), ("tafel", 1), ("afspraak", 1)]


def test_every_scene_is_drawn_once_inside_the_picture(triade):
    picture = case_picture(triade, LOOPED, BEST)
    assert sorted(n.id for n in picture.nodes) == sorted(triade.scenes)
    for node in picture.nodes:
        assert node.x >= 0 and node.x + NODE_WIDTH <= picture.width
        assert 0 <= node.y < picture.height


def test_paths_are_marked(triade):
    picture = case_picture(triade, LOOPED, BEST)
    learner = {(e.source, e.target) for e in picture.edges if e.learner}
    best = {(e.source, e.target) for e in picture.edges if e.best}
    assert ("boos", "tafel") in learner and ("tafel", "boos") in learner
    assert best == {("begin", "tafel"), ("tafel", "afspraak"), ("afspraak", "einde-goed")}
    nodes = {n.id: n for n in picture.nodes}
    assert nodes["einde-goed"].learner and nodes["einde-goed"].best
    assert not nodes["einde-dicht"].learner


def test_columns_follow_distance_from_the_start(triade):
    nodes = {n.id: n for n in case_picture(triade, [], BEST).nodes}
    assert nodes["begin"].x < nodes["tafel"].x < nodes["afspraak"].x < nodes["einde-goed"].x
    assert not any(n.learner for n in nodes.values())
