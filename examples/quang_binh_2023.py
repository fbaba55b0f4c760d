"""Build the Quảng Bình 2023-2026 coordination programme with the public API, and summarise it.

The source is a provincial portal's news item of 30 May 2023 (see the seed README); every fact it
states is here, in Vietnamese as written, with English renderings beside the names.

Run: ``python examples/quang_binh_2023.py``
"""

from __future__ import annotations

import pendulum

from coordagree import (
    Agreement,
    AgreementKind,
    Commitment,
    Event,
    EventKind,
    Objective,
    PartialDate,
    Participant,
    ParticipantRole,
    PartOfDay,
    Party,
    PartyKind,
    PartyRole,
    Period,
    Person,
    Position,
    Responsibility,
    ResponsibilityRole,
    Signature,
    Source,
    Task,
    TaskSchedule,
    Text,
)


def vi(text: str, en: str) -> Text:
    """Vietnamese text with an English rendering beside it."""
    return Text(text, lang="vi", translations={"en": en})


def build() -> Agreement:
    """The programme, every fact of the source in place."""
    # --8<-- [start:parties]
    parties = (
        Party(
            id="tinh-uy",
            name=vi("Tỉnh ủy Quảng Bình", "Quảng Bình Provincial Party Committee"),
            kind=PartyKind.PARTY_COMMITTEE,
        ),
        Party(
            id="ban-thuong-vu",
            name=vi("Ban Thường vụ Tỉnh ủy", "Standing Board of the Provincial Party Committee"),
            kind=PartyKind.PARTY_BOARD,
            parent="tinh-uy",
        ),
        Party(
            id="ubkt-tinh-uy",
            name=vi(
                "Ủy ban Kiểm tra Tỉnh ủy",
                "Inspection Committee of the Provincial Party Committee",
            ),
            kind=PartyKind.PARTY_BOARD,
            parent="tinh-uy",
        ),
        Party(
            id="ban-dan-van",
            name=vi(
                "Ban Dân vận Tỉnh ủy",
                "Mass Mobilisation Board of the Provincial Party Committee",
            ),
            kind=PartyKind.PARTY_BOARD,
            roles=(PartyRole.CONVENER, PartyRole.SIGNATORY),
            parent="tinh-uy",
        ),
        Party(
            id="bcs-tand",
            name=vi(
                "Ban Cán sự Đảng Tòa án Nhân dân tỉnh",
                "Party Executive Committee of the Provincial People's Court",
            ),
            kind=PartyKind.PARTY_EXECUTIVE_COMMITTEE,
            roles=(PartyRole.SIGNATORY,),
        ),
        Party(
            id="tand",
            name=vi("Tòa án Nhân dân tỉnh", "Provincial People's Court"),
            short_name="TAND tỉnh",
            kind=PartyKind.COURT,
            roles=(PartyRole.EXECUTOR,),
            directed_by="bcs-tand",
        ),
        Party(
            id="bcs-vksnd",
            name=vi(
                "Ban Cán sự Đảng Viện Kiểm sát Nhân dân tỉnh",
                "Party Executive Committee of the Provincial People's Procuracy",
            ),
            kind=PartyKind.PARTY_EXECUTIVE_COMMITTEE,
            roles=(PartyRole.SIGNATORY,),
        ),
        Party(
            id="vksnd",
            name=vi("Viện Kiểm sát Nhân dân tỉnh", "Provincial People's Procuracy"),
            short_name="VKSND tỉnh",
            kind=PartyKind.PROCURACY,
            roles=(PartyRole.EXECUTOR,),
            directed_by="bcs-vksnd",
        ),
        Party(
            id="cuc-thads",
            name=vi(
                "Cục Thi hành án dân sự tỉnh",
                "Provincial Civil Judgment Enforcement Department",
            ),
            short_name="Cục THADS tỉnh",
            kind=PartyKind.STATE_AGENCY,
            roles=(PartyRole.SIGNATORY,),
        ),
        Party(
            id="ubnd-tinh",
            name=vi("Ủy ban Nhân dân tỉnh", "Provincial People's Committee"),
            short_name="UBND tỉnh",
            kind=PartyKind.PEOPLES_COMMITTEE,
        ),
        Party(
            id="he-thong-tham-muu",
            name=vi(
                "hệ thống tham mưu công tác dân vận",
                "the mass mobilisation advisory system",
            ),
            kind=PartyKind.NETWORK,
            roles=(PartyRole.PARTNER,),
        ),
    )
    # --8<-- [end:parties]
    # --8<-- [start:people]
    people = (
        Person(
            id="le-van-bao",
            name="Lê Văn Bảo",
            honorific="đồng chí",
            positions=(
                Position(id="uv-btv", title="Ủy viên Ban Thường vụ", body="ban-thuong-vu"),
                Position(id="truong-ban-dan-van", title="Trưởng ban Dân vận", body="ban-dan-van"),
                Position(
                    id="chu-nhiem-ubkt", title="Chủ nhiệm Ủy ban Kiểm tra", body="ubkt-tinh-uy"
                ),
            ),
        ),
        Person(
            id="ho-an-phong",
            name="Hồ An Phong",
            honorific="đồng chí",
            positions=(
                Position(id="tinh-uy-vien", title="Tỉnh ủy viên", body="tinh-uy"),
                Position(id="pho-chu-tich-ubnd", title="Phó Chủ tịch UBND tỉnh", body="ubnd-tinh"),
            ),
        ),
    )
    # --8<-- [end:people]
    # --8<-- [start:commitments]
    objectives = (
        Objective(
            id="chat-luong-dan-van-tu-phap",
            text="nâng cao chất lượng, hiệu quả việc thực hiện công tác dân vận "
            "của các cơ quan tư pháp",
        ),
        Objective(
            id="chuyen-bien-nhan-thuc",
            text="tạo sự chuyển biến tích cực về nhận thức, trách nhiệm của Đảng viên, cán bộ, "
            "công chức về công tác dân vận",
        ),
        Objective(
            id="bao-ve-cong-ly",
            text="trách nhiệm của các cơ quan tư pháp trong bảo vệ công lý,  bảo vệ quyền "
            "con người, quyền công dân",
        ),
    )
    signatories = ("ban-dan-van", "bcs-tand", "bcs-vksnd", "cuc-thads")
    jointly = (
        Responsibility(party="ban-dan-van", role=ResponsibilityRole.LEAD),
        *(
            Responsibility(party=party, role=ResponsibilityRole.CO_OPERATING)
            for party in signatories[1:]
        ),
    )
    all_objectives = tuple(objective.id for objective in objectives)
    commitments = tuple(
        Commitment(id=cid, title=title, responsible=jointly, objectives=all_objectives)
        for cid, title in (
            ("nghien-cuu-tham-muu", "nghiên cứu, tham mưu về công tác dân vận"),
            ("tuyen-truyen-pbgdpl", "tuyên truyền, phổ biến giáo dục pháp luật"),
            ("cai-cach-tu-phap", "cải cách tư pháp"),
            (
                "bao-dam-to-tung",
                "bảo đảm hoạt động khởi tố, điều tra, truy tố, xét xử các loại vụ án, vụ việc",
            ),
        )
    )
    # --8<-- [end:commitments]
    # --8<-- [start:tasks]
    within_2023 = Period.parse("2023", as_written="trong năm 2023")
    tasks = (
        Task(
            id="2023-tand",
            title="Tuyên truyền, vận động các đối tượng thi hành bản án đã có hiệu lực pháp luật",
            description=(
                "Ban Dân vận Tỉnh ủy phối hợp với Ban Cán sự Đảng Tòa án Nhân dân tỉnh chỉ đạo "
                "Tòa án Nhân dân tỉnh phối hợp với hệ thống tham mưu công tác dân vận, tuyên "
                "truyền, vận động các đối tượng thi hành bản án đã có hiệu lực pháp luật nhưng "
                "vẫn chưa đồng tình, tiếp tục khiếu nại, khiếu kiện nhiều nơi, vượt cấp; tổ chức "
                "các cuộc gặp gỡ vận động cá biệt bằng hình thức thích hợp để họ thấy được các "
                "kết luận, quyết định giải quyết, bản án là đúng quy định của pháp luật nhưng "
                "cũng đảm bảo hài hòa lợi ích của Nhà nước và người dân, từ đó đồng thuận chấp "
                "hành."
            ),
            owners=("ban-dan-van", "bcs-tand"),
            executor="tand",
            partners=("he-thong-tham-muu",),
            target_group=(
                "các đối tượng thi hành bản án đã có hiệu lực pháp luật nhưng vẫn chưa đồng "
                "tình, tiếp tục khiếu nại, khiếu kiện nhiều nơi, vượt cấp"
            ),
            means="tổ chức các cuộc gặp gỡ vận động cá biệt bằng hình thức thích hợp",
            due=within_2023,
        ),
        Task(
            id="2023-vksnd",
            title="Tuyên truyền, vận động quần chúng Nhân dân phòng, chống ma túy",
            description=(
                "Ban Dân vận Tỉnh ủy phối hợp với Ban Cán sự Đảng Viện Kiểm sát Nhân dân tỉnh chỉ "
                "đạo Viện Kiểm sát Nhân dân phối hợp, đôn đốc với hệ thống tham mưu công tác dân "
                "vận tuyên truyền, vận động quần chúng Nhân dân phòng, chống ma túy thông qua "
                "thực hành quyền công tố và kiểm sát xét xử các vụ án về ma túy."
            ),
            owners=("ban-dan-van", "bcs-vksnd"),
            executor="vksnd",
            partners=("he-thong-tham-muu",),
            target_group="quần chúng Nhân dân",
            means="thực hành quyền công tố và kiểm sát xét xử các vụ án về ma túy",
            due=within_2023,
        ),
        Task(
            id="2023-thads",
            title="Tuyên truyền vận động các đương sự tự nguyện thi hành án",
            description=(
                "Ban Dân vận Tỉnh ủy phối hợp với Cục Thi hành án dân sự tỉnh tuyên truyền vận "
                "động các đương sự tự nguyện thi hành đối với các bản án, quyết định của Tòa án "
                "đã có hiệu lực pháp luật mà không áp dụng các biện pháp cưỡng chế."
            ),
            owners=("ban-dan-van", "cuc-thads"),
            target_group="các đương sự",
            means="tuyên truyền vận động, không áp dụng các biện pháp cưỡng chế",
            due=within_2023,
        ),
    )
    # --8<-- [end:tasks]
    # --8<-- [start:signing]
    signing = Event(
        id="hoi-nghi-ky-ket",
        kind=EventKind.SIGNING,
        title="hội nghị ký kết Chương trình phối hợp về công tác dân vận giai đoạn 2023 - 2026",
        date=pendulum.date(2023, 5, 29),
        part_of_day=PartOfDay.AFTERNOON,
        date_as_written="Chiều ngày 29/5/2023",
        organiser="ban-dan-van",
        participants=(
            Participant(
                person="le-van-bao",
                role=ParticipantRole.CHAIR,
                positions=("uv-btv", "truong-ban-dan-van", "chu-nhiem-ubkt"),
                party="ban-dan-van",
            ),
            Participant(
                person="ho-an-phong",
                role=ParticipantRole.ATTENDEE,
                positions=("tinh-uy-vien", "pho-chu-tich-ubnd"),
            ),
        ),
        summary=(
            "Trưởng ban Dân vận Tỉnh ủy nhấn mạnh ý nghĩa quan trọng của việc ký kết Chương "
            "trình phối hợp về công tác dân vận; yêu cầu các cơ quan tư pháp phải xác định công "
            "tác dân vận từ cơ sở là hết sức quan trọng; tin tưởng các cơ quan tư pháp và Ban Dân "
            "vận Tỉnh ủy tiếp tục có sự phối hợp chặt chẽ, bám sát chức năng, nhiệm vụ để thực "
            "hiện hiệu quả các nội dung trong Chương trình đã ký kết."
        ),
        sources=("quang-binh-portal",),  # the news report it is taken from
    )
    # --8<-- [end:signing]
    # --8<-- [start:agreement]
    return Agreement(
        id="qb-dan-van-tu-phap-2023-2026",
        title=vi(
            "Chương trình phối hợp về công tác dân vận giai đoạn 2023 - 2026",
            "Coordination Programme on mass mobilisation work for the period 2023-2026",
        ),
        kind=AgreementKind.COORDINATION_PROGRAMME,
        subject=vi("công tác dân vận", "mass mobilisation work"),
        languages=("vi",),
        timezone="Asia/Ho_Chi_Minh",
        period=Period.parse("2023", "2026", as_written="giai đoạn 2023 - 2026"),
        parties=parties,
        people=people,
        objectives=objectives,
        commitments=commitments,
        declared_commitments=9,
        schedules=(
            TaskSchedule(
                id="2023",
                title="nhiệm vụ cụ thể trong năm 2023",
                period=Period.parse("2023"),
                tasks=tasks,
            ),
        ),
        events=(signing,),
        signatures=tuple(
            Signature(party=party, date=signing.date, event=signing.id) for party in signatories
        ),
        sources=(
            Source(
                id="quang-binh-portal",
                kind="news-report",
                title="Ký kết Chương trình phối hợp về công tác dân vận giai đoạn 2023 - 2026",
                publisher="Quang Binh Portal",
                published=PartialDate.parse("2023-05-30T10:17:00+07:00"),
                published_as_written="10:17, Thứ Ba, 30-5-2023",
                author="Hồng Lựu",
                author_as_written="PV Hồng Lựu",
                note=(
                    "The portal's navigation text and visitor counter after the byline are page "
                    "chrome, not part of the article."
                ),
            ),
        ),
    )
    # --8<-- [end:agreement]


def summary(agreement: Agreement) -> str:
    """A few lines a person can read."""
    lines = [
        f"{agreement.title} ({agreement.period})",
        f"Signatories: {', '.join(str(p.name) for p in agreement.signatories)}",
        f"Commitments: {len(agreement.commitments)} listed of {agreement.declared_commitments}",
    ]
    for schedule in agreement.schedules:
        lines.append(f"Tasks {schedule.period}: {len(schedule.tasks)}")
        lines.extend(f"  - {task.title} (due {task.due})" for task in schedule.tasks)
    return "\n".join(lines)


if __name__ == "__main__":
    print(summary(build()))
