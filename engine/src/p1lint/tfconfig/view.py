"""An application translated from Terraform as rules see it, and the way back to where each value
is written: the `.tf` attribute of the application's block, or of a related resource's block in
the same or another file of the configuration.

`TerraformView` has `EmbeddedView`'s interface (`data`, `original`, `viewed`); `original` gives
the pointer below the block the value is written in (`("oidc_options", "redirect_uris", 1)`), as
messages name it, and `locate` the file and pointer. A pointer of the view that was not written
(a missing property, a provider default) falls back to its nearest written ancestor."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.documents.location import Location
from p1lint.environment.inventory import ApplicationTarget
from p1lint.pointer import Pointer
from p1lint.terraform.renamed import Renamed


class Place(NamedTuple):
    """Where the value at a pointer of the view is written, and the length of its block's pointer
    in `written.pointer` (what follows is the pointer inside the block)."""

    written: Location
    block: int


class TerraformView:
    """The view's data, the place of each of its values, and the attributes written under names
    the provider has since renamed."""

    def __init__(self, data: Any, places: dict[Pointer, Place], renamed: tuple[Renamed, ...] = ()) -> None:
        self.data = data
        self.places = places
        self.renamed = renamed
        self._home = places[()]

    def place(self, pointer: Pointer) -> tuple[Place, Pointer]:
        """The place of the longest written prefix of `pointer`, and the rest of `pointer`."""
        for end in range(len(pointer), 0, -1):
            found = self.places.get(pointer[:end])
            if found is not None:
                return found, pointer[end:]
        return self._home, pointer

    def locate(self, pointer: Pointer) -> Location:
        place, rest = self.place(pointer)
        return place.written.below(rest)

    def original(self, pointer: Pointer) -> Pointer:
        """The pointer below its block of the value at `pointer` of the view."""
        place, rest = self.place(pointer)
        return (*place.written.pointer[place.block:], *rest)

    def viewed(self, pointer: Pointer) -> Pointer:
        """The inverse of `original` for values of the application's own block (repeated keys)."""
        home = self._home.written
        best: tuple[int, Pointer] = (0, ())
        for view, place in self.places.items():
            written = place.written
            if written.document is not home.document or written.pointer[:place.block] != home.pointer:
                continue
            inner = written.pointer[place.block:]
            if len(inner) > best[0] and pointer[:len(inner)] == inner:
                best = (len(inner), view)
        return (*best[1], *pointer[best[0]:])


class TerraformTarget(ApplicationTarget):
    """An application target whose values are located by its `TerraformView` (a value may be
    written in another file than the application's block)."""

    __slots__ = ()

    def locate(self, pointer: Pointer) -> Location:
        view = self.located.view
        if isinstance(view, TerraformView):
            return view.locate(pointer)
        return super().locate(pointer)
