#include "services/invitations/about_conference.h"

#include <array>

#include "absl/strings/ascii.h"

namespace fgc::invitations {
namespace {

struct Entry {
  const char* language;
  const char* text;
};

// Short sentences and everyday words: the page is read on a phone, often in a second language.
constexpr std::array<Entry, 4> kTexts = {{
    {"en",
     "A Family Group Conference is a meeting where a child's family makes a plan for the "
     "child. Family means the people the family says are family. First, the workers share "
     "what they know and what worries them. Then the family talks in private, with no workers "
     "in the room. The family writes a plan. Then the workers hear the plan and say if they "
     "agree. A coordinator who does not work for the agency helps you get ready. You can ask "
     "them anything."},
    {"cy",
     "Cyfarfod yw Cynhadledd Grŵp Teulu lle mae teulu plentyn yn gwneud cynllun ar gyfer y "
     "plentyn. Teulu yw'r bobl mae'r teulu'n dweud sy'n deulu. Yn gyntaf, mae'r gweithwyr yn "
     "rhannu beth maen nhw'n ei wybod a beth sy'n eu poeni. Wedyn mae'r teulu'n siarad yn "
     "breifat, heb weithwyr yn yr ystafell. Mae'r teulu'n ysgrifennu cynllun. Wedyn mae'r "
     "gweithwyr yn clywed y cynllun ac yn dweud a ydyn nhw'n cytuno. Mae cydlynydd nad yw'n "
     "gweithio i'r asiantaeth yn eich helpu i baratoi. Gallwch ofyn unrhyw beth iddyn nhw."},
    {"pl",
     "Rodzinna Konferencja Grupowa to spotkanie, na którym rodzina dziecka tworzy plan dla "
     "dziecka. Rodzina to osoby, które rodzina uważa za rodzinę. Najpierw pracownicy mówią, co "
     "wiedzą i co ich martwi. Potem rodzina rozmawia sama, bez pracowników w pokoju. Rodzina "
     "pisze plan. Potem pracownicy słuchają planu i mówią, czy się zgadzają. Koordynator, który "
     "nie pracuje dla instytucji, pomaga wam się przygotować. Możecie go zapytać o wszystko."},
    {"ar",
     "المؤتمر العائلي هو اجتماع تضع فيه عائلة الطفل خطة للطفل. العائلة هم الأشخاص الذين تقول "
     "العائلة إنهم عائلتها. أولاً، يشارك الموظفون ما يعرفونه وما يقلقهم. ثم تتحدث العائلة "
     "وحدها، دون موظفين في الغرفة. تكتب العائلة خطة. ثم يستمع الموظفون إلى الخطة ويقولون إن "
     "كانوا موافقين. منسق لا يعمل لدى الجهة يساعدكم على الاستعداد. يمكنكم أن تسألوه عن أي شيء."},
}};

}  // namespace

AboutText AboutConference(std::string_view wanted) {
  const std::string primary =
      absl::AsciiStrToLower(std::string(wanted.substr(0, wanted.find_first_of("-_"))));
  for (const Entry& entry : kTexts) {
    if (primary == entry.language) return {entry.language, entry.text};
  }
  return {kTexts[0].language, kTexts[0].text};
}

}  // namespace fgc::invitations
