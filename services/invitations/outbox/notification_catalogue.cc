#include "services/invitations/outbox/notification_catalogue.h"

namespace fgc::invitations::outbox {
namespace {

// Short sentences and everyday words: families read these on a phone, some in a second
// language. A new language is one more entry here.
constexpr Catalogue kEnglish{
    .language = "en",
    .right_to_left = false,
    .kinds = {{
        {},
        {"You are invited to a family meeting for {children}",
         "{coordinator} would like to invite you to a family meeting for {children}. It is "
         "called a Family Group Conference.",
         "{coordinator} invites you to a family meeting for {children}. Please open your link "
         "to answer: {link}"},
        {"Please tell us when you can come",
         "We are planning the family meeting for {children}. We have not heard from you yet. "
         "Please tell us which times you can come.",
         "Please tell {coordinator} when you can come to the family meeting for {children}. "
         "Your link: {link}"},
        {"The family meeting for {children} is booked",
         "The family meeting for {children} now has a date, a time and a place.",
         "The family meeting for {children} is booked: {when}. Ask {coordinator} if you have "
         "questions."},
        {"The family meeting for {children} has moved",
         "The family meeting for {children} has a new time or place. Please use the new "
         "details below.",
         "The family meeting for {children} has moved. New time: {when}. Ask {coordinator} if "
         "you have questions."},
        {"The family meeting for {children} is cancelled",
         "The family meeting for {children} will not happen at the time we planned. "
         "{coordinator} will talk to you about what happens next.",
         "The family meeting for {children} is cancelled. {coordinator} will tell you what "
         "happens next."},
        {"A review meeting for {children} is booked",
         "The family will meet again to look at how the plan for {children} is going.",
         "A review meeting for {children} is booked: {when}. Ask {coordinator} if you have "
         "questions."},
        {"The family plan for {children} is ready",
         "The plan the family made for {children} is ready for you to read. You can read it "
         "with the link we sent you before.",
         "The family plan for {children} is ready. You can read it with the link we sent you "
         "before."},
    }},
    .greeting = "Hello {recipient},",
    .greeting_no_name = "Hello,",
    .sms_greeting = "Hello {recipient}.",
    .sms_greeting_no_name = "Hello.",
    .what_is_fgc =
        "At the meeting, family and friends talk together. You hear what the workers think. "
        "Then the family has time on its own to make a plan to keep {children} safe and well. "
        "Your views matter, even if you cannot come.",
    .when = "When: {when}",
    .where = "Where: {where}",
    .where_remote = "Where: online, by video or phone. We will tell you how to join.",
    .respond_by = "Please answer by {respond_by}.",
    .link_intro = "Please open your own link to tell us if you can come:",
    .reminder_link_intro = "Please use your own link:",
    .link_private = "This link is just for you. Please do not share it.",
    .message_intro = "{coordinator} wrote:",
    .contact = "If you have questions, please contact {coordinator}: {contact}",
    .contact_no_detail = "If you have questions, please ask {coordinator}.",
    .sign_off = "Thank you",
    .list_separator = ", ",
    .and_word = " and ",
    .children_fallback = "the child",
    .coordinator_fallback = "your coordinator",
    .date = "{weekday} {day} {month} {year}",
    .time_range = "{date}, {start} to {end} ({zone} time)",
    .time_start_only = "{date}, {start} ({zone} time)",
    .months = {"January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"},
    .weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
};

constexpr Catalogue kWelsh{
    .language = "cy",
    .right_to_left = false,
    .kinds = {{
        {},
        {"Gwahoddiad i gyfarfod teulu ar gyfer {children}",
         "Hoffai {coordinator} eich gwahodd i gyfarfod teulu ar gyfer {children}. Cynhadledd "
         "Grŵp Teulu yw'r enw arno.",
         "Mae {coordinator} yn eich gwahodd i gyfarfod teulu ar gyfer {children}. Agorwch eich "
         "dolen i ateb: {link}"},
        {"Dywedwch wrthym pryd y gallwch ddod",
         "Rydym yn trefnu'r cyfarfod teulu ar gyfer {children}. Nid ydym wedi clywed gennych "
         "eto. Dywedwch wrthym pa amseroedd sy'n gyfleus i chi, os gwelwch yn dda.",
         "Dywedwch wrth {coordinator} pryd y gallwch ddod i'r cyfarfod teulu ar gyfer "
         "{children}. Eich dolen: {link}"},
        {"Mae'r cyfarfod teulu ar gyfer {children} wedi'i drefnu",
         "Mae gan y cyfarfod teulu ar gyfer {children} ddyddiad, amser a lle erbyn hyn.",
         "Mae'r cyfarfod teulu ar gyfer {children} wedi'i drefnu: {when}. Gofynnwch i "
         "{coordinator} os oes gennych gwestiynau."},
        {"Mae'r cyfarfod teulu ar gyfer {children} wedi symud",
         "Mae amser neu le newydd i'r cyfarfod teulu ar gyfer {children}. Defnyddiwch y "
         "manylion newydd isod, os gwelwch yn dda.",
         "Mae'r cyfarfod teulu ar gyfer {children} wedi symud. Yr amser newydd: {when}. "
         "Gofynnwch i {coordinator} os oes gennych gwestiynau."},
        {"Mae'r cyfarfod teulu ar gyfer {children} wedi'i ganslo",
         "Ni fydd y cyfarfod teulu ar gyfer {children} yn digwydd ar yr amser a drefnwyd. Bydd "
         "{coordinator} yn siarad â chi am beth sy'n digwydd nesaf.",
         "Mae'r cyfarfod teulu ar gyfer {children} wedi'i ganslo. Bydd {coordinator} yn dweud "
         "wrthych beth sy'n digwydd nesaf."},
        {"Mae cyfarfod adolygu ar gyfer {children} wedi'i drefnu",
         "Bydd y teulu'n cyfarfod eto i weld sut mae'r cynllun ar gyfer {children} yn mynd.",
         "Mae cyfarfod adolygu ar gyfer {children} wedi'i drefnu: {when}. Gofynnwch i "
         "{coordinator} os oes gennych gwestiynau."},
        {"Mae cynllun y teulu ar gyfer {children} yn barod",
         "Mae'r cynllun a wnaeth y teulu ar gyfer {children} yn barod i chi ei ddarllen. "
         "Gallwch ei ddarllen gyda'r ddolen a anfonwyd atoch o'r blaen.",
         "Mae cynllun y teulu ar gyfer {children} yn barod. Gallwch ei ddarllen gyda'r ddolen "
         "a anfonwyd atoch o'r blaen."},
    }},
    .greeting = "Helo {recipient},",
    .greeting_no_name = "Helo,",
    .sms_greeting = "Helo {recipient}.",
    .sms_greeting_no_name = "Helo.",
    .what_is_fgc =
        "Yn y cyfarfod, mae teulu a ffrindiau yn siarad gyda'i gilydd. Byddwch yn clywed beth "
        "mae'r gweithwyr yn ei feddwl. Yna bydd y teulu'n cael amser ar ei ben ei hun i wneud "
        "cynllun i gadw {children} yn ddiogel ac yn iach. Mae eich barn yn bwysig, hyd yn oed "
        "os na allwch ddod.",
    .when = "Pryd: {when}",
    .where = "Ble: {where}",
    .where_remote = "Ble: ar-lein, drwy fideo neu ffôn. Byddwn yn dweud wrthych sut i ymuno.",
    .respond_by = "Atebwch erbyn {respond_by}, os gwelwch yn dda.",
    .link_intro = "Agorwch eich dolen eich hun i ddweud wrthym a allwch ddod:",
    .reminder_link_intro = "Defnyddiwch eich dolen eich hun:",
    .link_private = "Mae'r ddolen hon i chi yn unig. Peidiwch â'i rhannu, os gwelwch yn dda.",
    .message_intro = "Neges gan {coordinator}:",
    .contact = "Os oes gennych gwestiynau, cysylltwch â {coordinator}: {contact}",
    .contact_no_detail = "Os oes gennych gwestiynau, gofynnwch i {coordinator}.",
    .sign_off = "Diolch",
    .list_separator = ", ",
    .and_word = " a ",
    .children_fallback = "y plentyn",
    .coordinator_fallback = "eich cydlynydd",
    .date = "{weekday} {day} {month} {year}",
    .time_range = "{date}, {start} tan {end} (amser {zone})",
    .time_start_only = "{date}, {start} (amser {zone})",
    .months = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
               "Medi", "Hydref", "Tachwedd", "Rhagfyr"},
    .weekdays = {"Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener",
                 "Dydd Sadwrn", "Dydd Sul"},
};

// Polish declines names, so the children are named after "Chodzi o:" or in brackets, where
// the form the family wrote stays right. The informal "ty" keeps sentences short and ungendered.
constexpr Catalogue kPolish{
    .language = "pl",
    .right_to_left = false,
    .kinds = {{
        {},
        {"Zaproszenie na spotkanie rodzinne – {children}",
         "{coordinator} zaprasza Cię na spotkanie rodzinne. Chodzi o: {children}. Takie "
         "spotkanie nazywa się Rodzinną Konferencją.",
         "{coordinator} zaprasza Cię na spotkanie rodzinne. Chodzi o: {children}. Otwórz swój "
         "link, aby odpowiedzieć: {link}"},
        {"Napisz nam, kiedy możesz przyjść",
         "Planujemy spotkanie rodzinne. Chodzi o: {children}. Nie mamy jeszcze Twojej "
         "odpowiedzi. Napisz nam, w jakich terminach możesz przyjść.",
         "Napisz, kiedy możesz przyjść na spotkanie rodzinne ({children}). Twój link: {link}"},
        {"Spotkanie rodzinne ma termin – {children}",
         "Spotkanie rodzinne ma już datę, godzinę i miejsce. Chodzi o: {children}.",
         "Spotkanie rodzinne ({children}) ma termin: {when}. Masz pytania? Zapytaj: "
         "{coordinator}."},
        {"Spotkanie rodzinne zostało przeniesione – {children}",
         "Spotkanie rodzinne ma nowy termin lub nowe miejsce. Chodzi o: {children}. Sprawdź "
         "nowe informacje poniżej.",
         "Spotkanie rodzinne ({children}) zostało przeniesione. Nowy termin: {when}. Masz "
         "pytania? Zapytaj: {coordinator}."},
        {"Spotkanie rodzinne zostało odwołane – {children}",
         "Spotkanie rodzinne nie odbędzie się w zaplanowanym terminie. Chodzi o: {children}. "
         "Koordynator ({coordinator}) powie Ci, co będzie dalej.",
         "Spotkanie rodzinne ({children}) zostało odwołane. Koordynator ({coordinator}) powie "
         "Ci, co będzie dalej."},
        {"Spotkanie przeglądowe ma termin – {children}",
         "Rodzina spotka się ponownie, aby sprawdzić, jak działa plan. Chodzi o: {children}.",
         "Spotkanie przeglądowe ({children}) ma termin: {when}. Masz pytania? Zapytaj: "
         "{coordinator}."},
        {"Plan rodziny jest gotowy – {children}",
         "Plan, który ułożyła rodzina, jest gotowy do przeczytania. Chodzi o: {children}. "
         "Przeczytasz go, używając linku, który wysłaliśmy Ci wcześniej.",
         "Plan rodziny ({children}) jest gotowy. Przeczytasz go, używając linku, który "
         "wysłaliśmy Ci wcześniej."},
    }},
    .greeting = "Dzień dobry, {recipient},",
    .greeting_no_name = "Dzień dobry,",
    .sms_greeting = "Dzień dobry, {recipient}.",
    .sms_greeting_no_name = "Dzień dobry.",
    .what_is_fgc =
        "Na spotkaniu rodzina i przyjaciele rozmawiają razem. Usłyszysz, co myślą pracownicy. "
        "Potem rodzina ma czas tylko dla siebie, aby ułożyć plan, dzięki któremu dziecko "
        "będzie bezpieczne i zdrowe. Twoje zdanie jest ważne, nawet jeśli nie możesz przyjść.",
    .when = "Kiedy: {when}",
    .where = "Gdzie: {where}",
    .where_remote = "Gdzie: online, przez wideo lub telefon. Powiemy Ci, jak dołączyć.",
    .respond_by = "Termin odpowiedzi: {respond_by}.",
    .link_intro = "Otwórz swój link i napisz nam, czy możesz przyjść:",
    .reminder_link_intro = "Użyj swojego linku:",
    .link_private = "Ten link jest tylko dla Ciebie. Nie dawaj go nikomu.",
    .message_intro = "{coordinator} pisze:",
    .contact = "Masz pytania? Skontaktuj się: {coordinator}, {contact}",
    .contact_no_detail = "Masz pytania? Zapytaj: {coordinator}.",
    .sign_off = "Dziękujemy",
    .list_separator = ", ",
    .and_word = " i ",
    .children_fallback = "dziecko",
    .coordinator_fallback = "koordynator",
    .date = "{weekday}, {day} {month} {year}",
    .time_range = "{date}, od {start} do {end} (czas: {zone})",
    .time_start_only = "{date}, {start} (czas: {zone})",
    .months = {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
               "września", "października", "listopada", "grudnia"},
    .weekdays = {"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"},
};

constexpr Catalogue kArabic{
    .language = "ar",
    .right_to_left = true,
    .kinds = {{
        {},
        {"دعوة إلى اجتماع عائلي من أجل {children}",
         "يودّ {coordinator} دعوتك إلى اجتماع عائلي من أجل {children}. يُسمّى هذا الاجتماع "
         "«مؤتمر المجموعة العائلية».",
         "يدعوك {coordinator} إلى اجتماع عائلي من أجل {children}. افتح رابطك للرد: {link}"},
        {"من فضلك أخبرنا متى تستطيع الحضور",
         "نحن نخطط للاجتماع العائلي من أجل {children}. لم يصلنا ردك بعد. من فضلك أخبرنا "
         "بالأوقات المناسبة لك.",
         "من فضلك أخبر {coordinator} متى تستطيع حضور الاجتماع العائلي من أجل {children}. "
         "رابطك: {link}"},
        {"تم حجز موعد الاجتماع العائلي من أجل {children}",
         "أصبح للاجتماع العائلي من أجل {children} تاريخ ووقت ومكان.",
         "تم حجز الاجتماع العائلي من أجل {children}: {when}. اسأل {coordinator} إن كانت لديك "
         "أسئلة."},
        {"تغيّر موعد الاجتماع العائلي من أجل {children}",
         "للاجتماع العائلي من أجل {children} وقت أو مكان جديد. من فضلك استخدم التفاصيل "
         "الجديدة أدناه.",
         "تغيّر موعد الاجتماع العائلي من أجل {children}. الموعد الجديد: {when}. اسأل "
         "{coordinator} إن كانت لديك أسئلة."},
        {"أُلغي الاجتماع العائلي من أجل {children}",
         "لن يُعقد الاجتماع العائلي من أجل {children} في الموعد المخطط له. سيتحدث معك "
         "{coordinator} عمّا سيحدث بعد ذلك.",
         "أُلغي الاجتماع العائلي من أجل {children}. سيخبرك {coordinator} بما سيحدث بعد ذلك."},
        {"تم حجز اجتماع مراجعة من أجل {children}",
         "ستجتمع العائلة مرة أخرى لترى كيف تسير الخطة من أجل {children}.",
         "تم حجز اجتماع مراجعة من أجل {children}: {when}. اسأل {coordinator} إن كانت لديك "
         "أسئلة."},
        {"خطة العائلة من أجل {children} جاهزة",
         "الخطة التي وضعتها العائلة من أجل {children} جاهزة لتقرأها. يمكنك قراءتها بالرابط "
         "الذي أرسلناه لك من قبل.",
         "خطة العائلة من أجل {children} جاهزة. يمكنك قراءتها بالرابط الذي أرسلناه لك من قبل."},
    }},
    .greeting = "مرحبًا {recipient}،",
    .greeting_no_name = "مرحبًا،",
    .sms_greeting = "مرحبًا {recipient}.",
    .sms_greeting_no_name = "مرحبًا.",
    .what_is_fgc =
        "في الاجتماع، يتحدث أفراد العائلة والأصدقاء معًا. ستسمع ما يفكر فيه المختصون. بعد ذلك، "
        "تجلس العائلة وحدها لتضع خطة تحافظ على سلامة {children} وراحتهم. رأيك مهم، حتى لو لم "
        "تستطع الحضور.",
    .when = "متى: {when}",
    .where = "أين: {where}",
    .where_remote = "أين: عبر الإنترنت، بالفيديو أو الهاتف. سنخبرك كيف تنضم.",
    .respond_by = "من فضلك أجب قبل {respond_by}.",
    .link_intro = "افتح رابطك الخاص لتخبرنا إن كنت تستطيع الحضور:",
    .reminder_link_intro = "استخدم رابطك الخاص:",
    .link_private = "هذا الرابط لك وحدك. من فضلك لا تشاركه مع أحد.",
    .message_intro = "رسالة من {coordinator}:",
    .contact = "إن كانت لديك أسئلة، تواصل مع {coordinator}: {contact}",
    .contact_no_detail = "إن كانت لديك أسئلة، اسأل {coordinator}.",
    .sign_off = "شكرًا لك",
    .list_separator = "، ",
    .and_word = " و",
    .children_fallback = "الطفل",
    .coordinator_fallback = "المنسّق",
    .date = "{weekday} {day} {month} {year}",
    .time_range = "{date}، من {start} إلى {end} (بتوقيت {zone})",
    .time_start_only = "{date}، {start} (بتوقيت {zone})",
    .months = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
               "أكتوبر", "نوفمبر", "ديسمبر"},
    .weekdays = {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
};

constexpr std::array<Catalogue, 4> kCatalogues = {kEnglish, kWelsh, kPolish, kArabic};

}  // namespace

std::span<const Catalogue> Catalogues() { return kCatalogues; }

}  // namespace fgc::invitations::outbox
