# ruff: noqa: SIM905 - word lists read best as plain text
"""Word lists for `load_demo_stories --generate`: synthetic stories for load tests and benchmarks.

Each vocabulary list runs from common to rare; the generator draws from it with Zipf-like weights,
so a search for a common word matches many stories and a rare word only a few, as on a real site.
Irregular forms are written out as "base|plural" or "base|past|-ing".
"""

FIRST_NAMES = """
Aisha Alan Alice Amara Amir Ana Andrea Anil Anna Ben Bilal Carlos Carmen Chen Chloe Chris Dana
Daniel David Deepa Diego Dmitri Ebony Eduardo Elena Eli Emeka Emma Fatima Felix Fiona Grace Hana
Hannah Hassan Ines Ingrid Isaac Ivan Jack Jamal James Jana Javier Jess Joao Jon Jorge Joy Juan
Julia Kai Karim Kate Kemal Kenji Kofi Lars Laura Layla Leo Lin Lucia Luis Maya Marco Maria Marta
Mateo Mei Mia Mohammed Nadia Naledi Nina Noah Nora Olga Omar Oscar Paolo Pedro Priya Rafael Rahul
Rania Ravi Rosa Ruth Sam Sara Sean Sofia Sunita Tariq Teresa Tom Tomas Uma Victor Wei Yara Yusuf
Zainab Zoe Ahmed Beatriz Connor Dilnoza Erik Farah Gustav Hiroshi Imani Jonas Keiko Liam Malik
""".split()

PLACES = """
Aberdeen|Accra|Adelaide|Albuquerque|Amsterdam|Antwerp|Athens|Atlanta|Auckland|Austin|Bangalore|
Barcelona|Belfast|Bergen|Berlin|Bilbao|Birmingham|Bologna|Bordeaux|Boston|Brighton|Brisbane|
Bristol|Brno|Brussels|Budapest|Buenos Aires|Cairo|Calgary|Cambridge|Cape Town|Cardiff|Chennai|
Chicago|Cincinnati|Copenhagen|Cork|Curitiba|Dallas|Delhi|Denver|Derby|Detroit|Dublin|Dundee|
Dunedin|Durban|Edinburgh|Exeter|Florence|Frankfurt|Galway|Gdansk|Geneva|Ghent|Glasgow|Gothenburg|
Graz|Guadalajara|Halifax|Hamburg|Helsinki|Hobart|Hull|Inverness|Istanbul|Jaipur|Johannesburg|
Kampala|Kilkenny|Kolkata|Krakow|Kyoto|Lagos|Leeds|Leicester|Leipzig|Lille|Lima|Limerick|Lisbon|
Liverpool|Ljubljana|London|Lyon|Madrid|Malmo|Manchester|Marseille|Melbourne|Mexico City|Milan|
Minneapolis|Montreal|Mumbai|Munich|Nairobi|Nantes|Naples|Newcastle|Nice|Norwich|Nottingham|Osaka|
Oslo|Ottawa|Oxford|Palermo|Perth|Philadelphia|Pittsburgh|Plymouth|Porto|Portland|Prague|Pune|
Quebec City|Reykjavik|Riga|Rotterdam|Salvador|San Diego|Santiago|Seattle|Seville|Sheffield|
Singapore|Sligo|Stockholm|Swansea|Sydney|Tallinn|Tampere|Toronto|Toulouse|Turin|Utrecht|Valencia|
Vancouver|Vienna|Vilnius|Warsaw|Wellington|Winnipeg|Wroclaw|York|Zagreb|Zurich
""".replace("\n", "").split("|")

BUSINESS_PREFIXES = """
Northline|Maple|Harbour|Blue Door|Riverside|Greenleaf|Oakshield|Brightwave|Silver Birch|Red Kite|
Cornerstone|Lantern|Hillcrest|Sunrise|Westgate|Old Mill|Kingfisher|Copper Kettle|Evergreen|
Lighthouse|Meadow|Parkside|Stonebridge|Willow|Bluebell|Summit|Harvest|Bayview|Elm Street|Fox Lane
""".replace("\n", "").split("|")

# Category slug -> (kinds of business, staff roles); the generator pairs prefixes with kinds.
CATEGORY_WORDS = {
    "retail": (
        ["Hardware", "Bookshop", "Supermarket", "Shoe Shop", "Garden Centre", "Department Store", "Toy Shop"],
        ["cashier", "shop assistant", "manager", "stock clerk", "shop owner"],
    ),
    "restaurants-hospitality": (
        ["Diner", "Hotel", "Café", "Bakery", "Pizzeria", "Inn", "Tea Rooms"],
        ["waiter", "waitress", "cook", "night porter", "receptionist", "barista"],
    ),
    "healthcare": (
        ["Pharmacy", "Medical Centre", "Dental Practice", "Clinic", "Hospital", "Eye Clinic", "Physio"],
        ["nurse", "pharmacist", "receptionist", "doctor", "porter", "paramedic"],
    ),
    "travel": (
        ["Rail", "Air", "Coaches", "Ferries", "Taxis", "Car Hire", "Buses"],
        ["conductor", "gate agent", "driver", "steward", "station guard", "pilot"],
    ),
    "phone-online-support": (
        ["Broadband", "Mobile", "Online Shop", "Software", "Energy", "Streaming", "Deliveries"],
        ["support agent", "advisor", "engineer", "chat agent", "team leader"],
    ),
    "banking-insurance": (
        ["Savings", "Bank", "Mutual", "Insurance", "Credit Union", "Building Society", "Assurance"],
        ["teller", "claims handler", "advisor", "branch manager", "clerk"],
    ),
    "public-services": (
        ["Library", "Post Office", "Council", "Job Centre", "Leisure Centre", "Register Office", "Museum"],
        ["librarian", "clerk", "council officer", "postman", "caretaker", "lifeguard"],
    ),
    "other": (
        ["Garage", "Locksmiths", "Vets", "Plumbing", "Dry Cleaners", "Removals", "Driving School"],
        ["mechanic", "locksmith", "vet nurse", "plumber", "instructor", "owner"],
    ),
}

NOUNS = """
day time thing way hand door bag coffee car phone queue counter smile name child mother father
morning week money shop box note card minute ticket bill table chair friend son daughter word
order line desk train bus room window seat key coat umbrella water cup tea bread cake shoe letter
parcel book form list voice question answer problem plan house street road town city station
evening night hour month year family wife husband baby dog cat grandmother grandfather sister
brother neighbour customer colleague stranger manager team idea story moment mistake help change
receipt refund account payment card machine screen computer tablet laptop charger cable router
printer message email call delay storm rain snow wind sun weekend holiday birthday wedding party
dinner lunch breakfast sandwich soup biscuit apple orange chocolate flower plant garden fence gate
bridge bench corner shelf|shelves trolley basket bottle jar lid glass plate bowl spoon knife|knives
fork napkin towel blanket pillow bed sofa lamp light switch button thread needle scarf glove hat
jacket boot sock pocket wallet purse coin note passport licence document photograph camera picture
map guide timetable platform carriage luggage suitcase backpack rucksack pram wheelchair stick
medicine prescription appointment doctor nurse patient ward bandage plaster tooth|teeth eye ear
heart arm leg foot|feet back head kindness patience courage promise favour secret surprise gift
present reason chance choice decision rule policy price discount voucher sale bargain deal fee
lesson class school teacher student exam test result job interview office meeting report file
folder envelope stamp address postcode number code password problem fault error repair tool
hammer screw nail spanner ladder paint brush bucket mop broom bin rubbish lorry van bike tyre
wheel engine petrol battery radio song tune music guitar violin piano drum concert ticket film
game puzzle crossword newspaper magazine poem joke laugh tear hug handshake wave nod shoulder
kitchen bathroom garage hallway staircase lift basement attic balcony garden path pavement kerb
hill river lake sea beach harbour island field farm forest tree leaf|leaves branch stone rock
sand shell wave cloud sky star moon season spring summer autumn winter frost fog puddle flood
fire smoke alarm siren ambulance hospital clinic pharmacy library museum theatre cinema market
bakery butcher grocer café restaurant hotel pub inn diner kiosk stall shopfront warehouse factory
airport terminal gate runway flight pilot ferry deck cabin harbour port dock tunnel motorway
junction roundabout crossing traffic taxi driver conductor porter guard clerk cashier waiter cook
chef baker tailor barber florist plumber electrician mechanic locksmith gardener cleaner courier
postman librarian pharmacist dentist vet volunteer apprentice trainee supervisor owner landlord
tenant visitor tourist traveller passenger pilgrim musician artist writer poet painter carpenter
uncle aunt cousin nephew niece grandson granddaughter twin toddler teenager pensioner widow hero
blessing relief comfort warmth calm gratitude memory habit routine ritual tradition custom manner
detail edge corner margin gap crack stain scratch dent knot bow ribbon label sticker badge sign
poster leaflet brochure manual recipe ingredient flavour smell taste sound noise silence whisper
shout cheer applause sigh yawn shiver blush grin frown wink stare glance look step pace stride
journey trip voyage route detour shortcut errand chore task duty shift break pause rest nap
bandwagon kettle teapot saucer mug flask thermos lunchbox tray cushion rug curtain mirror clock
calendar diary notebook pencil pen crayon marker ruler scissors|scissors glue tape string rope
chain padlock latch hinge handle knob doorbell letterbox doormat porch shed greenhouse allotment
orchard vineyard meadow hedge ditch stream waterfall cliff cave valley canyon glacier volcano
lighthouse windmill chimney rooftop skyline tram subway escalator turnstile barrier ramp railing
cardigan mitten earmuff apron overall uniform lanyard whistle torch lantern candle matchbox
postcard souvenir keepsake trinket locket bracelet necklace ring brooch earring wristwatch
compass telescope binoculars|binoculars atlas globe satchel briefcase hamper picnic thermostat
radiator boiler fuse plug socket adapter extension keyboard mouse|mice headset microphone webcam
spreadsheet invoice statement overdraft mortgage pension premium excess claim policyholder
jumble harmonica ukulele tambourine accordion kazoo marmalade crumpet scone flapjack custard
parsnip turnip marrow rhubarb gooseberry damson quince medlar samphire nettle thistle heather
""".split()

VERBS = """
help find bring|brought take|took|taking give|gave|giving keep|kept hold|held carry fix check
open close fetch hand send|sent call ring|rang wrap pack change hear|heard read|read explain
show|showed write|wrote|writing print sign answer clean mend sort move lift push pull carry
offer share save|saved|saving cover replace return collect deliver post book cancel refund
wash dry|dried fold pour|poured boil cook bake slice butter warm cool light|lit switch plug
charge reset repair test measure weigh count|counted label stamp stack tidy|tidied arrange
remember|remembered notice|noticed spot|spotted|spotting recognise mention suggest recommend
translate teach|taught learn|learned draw|drew sketch paint colour tie|tied|tying untie|untied|untying
unlock lock unpack unwrap unfold rewrap repack reprint rebook reschedule redo|redid|redoing
carry|carried|carrying guide walk steer drive|drove|driving park chase|chased|chasing follow
greet welcome thank|thanked|thanking praise cheer comfort reassure calm soothe hug|hugged|hugging
forgive|forgave|forgiving excuse waive reduce discount upgrade swap|swapped|swapping exchange
find|found|finding leave|left|leaving lose|lost|losing drop|dropped|dropping spill|spilled
sweep|swept mop|mopped|mopping scrub|scrubbed|scrubbing polish press iron stitch sew|sewed
hem|hemmed|hemming patch glue tape pin|pinned|pinning clip|clipped|clipping snip|snipped|snipping
bandage dress|dressed|dressing soothe examine treat prescribe inject weigh escort accompany
phone text|texted email message photograph film|filmed record|recorded scan copy|copied file|filed
fill|filled empty|emptied refill|refilled top|topped|topping stir|stirred|stirring whisk
sing|sang|singing hum|hummed|humming whistle play|played|playing tune strum|strummed|strumming
plant|planted water|watered prune pick|picked harvest dig|dug|digging rake shovel grow|grew
bolt hammer screw nail drill saw|sawed sand varnish paint rewire unblock unjam untangle
spare lend|lent borrow offer promise rescue retrieve recover salvage track|tracked trace locate
""".split()

ADJECTIVES = """
kind good small big long little old new warm cold wet quiet busy late early tired happy lovely
gentle patient friendly careful calm honest generous helpful thoughtful cheerful polite brave
simple quick slow heavy light bright dark sunny rainy windy snowy grey blue green red yellow
young elderly tiny huge broken lost spare extra whole last first next same other own special
ordinary proper real strange funny odd sad lonely worried nervous anxious grateful relieved proud
sore ill poorly sleepy hungry thirsty muddy dusty sticky soggy crumpled battered shabby neat tidy
clean fresh hot chilly freezing steamy foggy stormy icy frosty crowded empty packed narrow wide
steep flat soft hard rough smooth sharp blunt loud noisy silent still wild gentle tender warmest
kindest smallest longest strangest best worst favourite precious fragile sturdy handy clever
wise silly daft cheeky shy bold quiet modest humble weary sleepless frantic flustered bewildered
baffled startled delighted thrilled touched moved overwhelmed speechless tearful hopeful careful
ancient rusty wobbly creaky squeaky shiny glossy faded worn threadbare patched mismatched
homemade handwritten printed folded wrapped sealed stamped signed numbered labelled sorted
unexpected unusual remarkable ordinary everyday weekly nightly daily yearly rare common plain
local foreign distant nearby faraway hidden secret open closed locked unlocked overdue overbooked
delayed cancelled rescheduled refunded replaced repaired mended forgotten remembered treasured
golden silver copper wooden woollen velvet paper plastic glass ceramic leather canvas linen
lopsided crooked tangled knotted frayed dented chipped scuffed smudged blotchy speckled stripy
""".split()

ADVERBS = """
quietly gently kindly carefully quickly slowly patiently calmly warmly politely cheerfully
happily simply really nearly almost always never often still already just even quite rather
softly firmly neatly tidily properly honestly gladly proudly bravely shyly boldly humbly
wisely cleverly secretly suddenly finally eventually immediately instantly promptly
cheekily sheepishly earnestly solemnly gravely briskly deftly nimbly tenderly graciously
""".split()

# Sentence templates: the first word is always a literal or a capitalised slot.
SENTENCES = """
The {role} at {biz} {verbed} my {noun} without being asked.
I want to thank {name} for {verbing} the {noun} when nobody else would.
It was a {adj} {noun} in {place}, and I was {adj} and {adj}.
{name} {verbed} the {nouns} {adv} and then {verbed} a {adj} {noun} for me.
I had come in for a {noun} and left with a {adj} {noun} and a story to tell.
Nobody asked {name} to {verb} the {noun}, but it happened anyway.
Thank you, {name}, for the {adj} {noun} and for {verbing} my {nouns}.
When I mentioned my {noun}, the {role} {verbed} {adv} and {verbed} a {noun}.
My {noun} had been {adj} for weeks, and I was at the end of my {noun}.
There was a {adj} {noun} by the {noun}, and the queue was {adj}.
{name} {adv} {verbed} the {noun} and told me not to worry about the {noun}.
I still have the {noun} that {name} {verbed} for me that day.
I was {adj}, the {noun} was {adj}, and my {noun} was nowhere to be found.
The whole {noun} took ten minutes, but I will remember it for years.
It is a small thing, a {adj} {noun}, but it meant a great deal to me.
A {adj} {role} {verbed} my {nouns} while I {verbed} the {noun}.
I went back the next {noun} to say thank you, with a {noun} for the team.
{name} said it was just part of the job, but it was not.
The {nouns} at {biz} are always {adj}, but that day they were {adj}.
I had been {verbing} {nouns} all {noun} and was close to tears.
Before I could say a word, {name} had {verbed} the {noun} and {verbed} my {noun}.
Everyone in the {noun} seemed {adj}, and nobody seemed to mind.
I told my {noun} about it that evening, and we both felt {adj}.
If you ever go to {biz} in {place}, ask for {name}.
It would have been easy to {verb} the {noun} and send me away.
Instead, {name} {verbed} a {adj} {noun} and {verbed} it {adv}.
I felt {adj} and {adj} all at once, holding a {adj} {noun}.
Afterwards {name} {verbed} the {nouns} and waved me off with a smile.
My {noun} still talks about the {adj} {role} who {verbed} our {noun}.
The {noun} was {adj} and the {nouns} were {adj}, but nobody complained.
We were a long way from home, with a {adj} {noun} and two {adj} {nouns}.
I wrote to {biz} afterwards to thank them, and they passed it on to {name}.
What stayed with me was how {adv} it was done.
I am grateful, and I wanted to share it here.
The {role} {adv} {verbed} the {noun}, then {verbed} it again to be sure.
Small kindnesses like this one make a {adj} day a {adj} one.
I thanked {name} twice, and I would happily thank them a third time.
Outside it was {adj} and {adj}, and inside the {noun} smelled of {nouns}.
By the time we left, the {noun} felt {adj} and the {nouns} felt {adj}.
It turned out the {noun} had been {adj} all along.
""".strip().splitlines()

TITLES = """
The {role} at {biz}
A {adj} {noun} in {place}
{name} and the {adj} {noun}
What the {role} did with my {noun}
Kindness at {biz}
The day {name} {verbed} my {noun}
A {adj} morning in {place}
Thank you, {name}
The {adj} {noun} and the {role}
How a {role} {verbed} my week
An unexpected {noun} at {biz}
{name}, the {adj} {role}
A {noun} I will never forget
The {role} who {verbed} the {nouns}
Rain, a {adj} {noun}, and {name}
""".strip().splitlines()
