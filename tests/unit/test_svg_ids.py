"""SVG clip-path ids do not depend on float noise in a layout."""

from cproc_data.publish.files import svg_stable_ids


def _svg(a: str, b: str) -> bytes:
    return (
        f'<svg><g clip-path="url(#{a})"/><g clip-path="url(#{b})"/><g clip-path="url(#{a})"/>'
        f'<defs><clipPath id="{a}"><rect/></clipPath><clipPath id="{b}"><rect/></clipPath></defs></svg>'
    ).encode()


def test_ids_are_numbered_in_order_of_their_definitions():
    one = svg_stable_ids(_svg("p0c1c71908d", "p1111111111"))
    two = svg_stable_ids(_svg("p9b8e7ca149", "p2222222222"))
    assert one == two
    assert b'id="clip0001"' in one and b"url(#clip0002)" in one and b"p0c1c71908d" not in one


def test_other_ids_and_text_are_left_alone():
    data = b'<svg><path id="m1234567890"/><text>p0123456789 is not a clip id here</text></svg>'
    assert svg_stable_ids(data) == data
