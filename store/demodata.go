package store

import (
	"fmt"

	"github.com/kemenag-ortala/ziwb/model"
)

// The demo's named satkers: real units of Kementerian Agama, with invented
// heads, people and answers. Each profile says how far its evaluations
// have come, so every screen has something real to show.

type demoEval struct {
	stage      model.Stage
	yearsAgo   int
	answered   float64 // share of questions answered; where the round started from an earlier one, confirmed
	quality    float64 // how often the best answer is claimed
	strictness float64 // TPI/TPN: how often an answer is marked down from the claim
	status     model.Status
	turn       demoTurn   // a return or a reopening on the way to the status
	by         string     // who answers: the satker's PIC, a TPN evaluator, a TPI's (first) anggota
	evaluators []string   // a PMPZI's or a TPN's evaluators, as named before teams
	team       model.Team // a TPI's team; empty for a PMPZI or a TPN
}

// demoTurn is a step back on an evaluation's way to its status.
type demoTurn int

const (
	turnNone     demoTurn = iota
	turnReturned          // submitted, returned by the ketua with a reason, and worked on again
	turnReopened          // final, then reopened by the pengendali with a reason: now direviu
)

// pmpzi is a satker's self-assessment, answered by its PIC; no team.
func pmpzi(yearsAgo int, answered, quality float64, st model.Status, by string, evaluators ...string) demoEval {
	return demoEval{stage: model.StagePMPZI, yearsAgo: yearsAgo, answered: answered, quality: quality, status: st,
		by: by, evaluators: evaluators}
}

// tpi is an evaluation by a team of the Biro Ortala, written as
// model.ParseTeam reads it; its first anggota answers.
func tpi(yearsAgo int, answered, quality, strictness float64, st model.Status, team string) demoEval {
	t, err := model.ParseTeam(team)
	if err != nil || len(t.Names(model.Anggota)) == 0 || len(t.Names(model.Ketua)) != 1 || len(t.Names(model.Pengendali)) != 1 {
		panic(fmt.Sprintf("data demo: tim %q: %v", team, err))
	}
	return demoEval{stage: model.StageTPI, yearsAgo: yearsAgo, answered: answered, quality: quality,
		strictness: strictness, status: st, by: t.Names(model.Anggota)[0], team: t}
}

func (de demoEval) then(turn demoTurn) demoEval { de.turn = turn; return de }

type demoSatker struct {
	id, name string
	kind     model.SatkerKind
	province string
	regency  string
	head     string
	target   string
	evals    []demoEval // in time order
}

// The evaluators of the Biro Ortala who make up the TPI teams, by the
// names they log in with: anggota Rahmat Hidayat, Nur Aisyah, Fajar
// Nugroho, Lina Marlina, Wahyu Setiawan, Indah Permatasari and Rizky
// Ramadhan; ketua Hendra Gunawan, Sri Wahyuni and Yusuf Hamdani;
// pengendali teknis Bambang Sutrisno and Endang Kusumawati.
var (
	demoAnggota    = []string{"tpi.rahmat", "tpi.aisyah", "tpi.fajar", "tpi.lina", "tpi.wahyu", "tpi.indah", "tpi.rizky"}
	demoKetua      = []string{"tpi.hendra", "tpi.sri", "tpi.yusuf"}
	demoPengendali = []string{"tpi.bambang", "tpi.endang"}
)

const (
	draft     = model.Draft
	submitted = model.Submitted
	reviewed  = model.Reviewed
	final     = model.Final
)

// The named satkers. Every one but the two newest (KUA Tombatu, in its
// first self-assessment, and MAN Kota Palangka Raya, not yet started) had
// a TPI last year, some the year before too, with lower scores than now.
// This year's TPIs start from last year's and stand at every step of the
// review: Mertoyudan and Minahasa Tenggara (returned once) in draft,
// Kalimantan Tengah diajukan, MTsN 1 Sinjai direviu, MAN 1 Magelang final,
// and Sinjai final and reopened by its pengendali.
var demoSatkers = []demoSatker{
	{"kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.Kankemenag, "Jawa Tengah", "Kabupaten Magelang",
		"H. Mahmud Fauzi, S.Ag., M.Pd.I.", model.WBBM, []demoEval{
			tpi(2, 1, 0.62, 0.2, final, "tpi.rahmat, tpi.aisyah, tpi.hendra (ketua), tpi.bambang (pengendali)"),
			pmpzi(1, 1, 0.85, final, "pic.magelang", "Tim Kerja ZI Kankemenag Magelang"),
			tpi(1, 1, 0.85, 0.06, final, "tpi.rahmat, tpi.aisyah, tpi.hendra (ketua), tpi.bambang (pengendali)"),
			{stage: model.StageTPN, yearsAgo: 1, answered: 1, quality: 0.85, strictness: 0.05, status: final,
				by: "tpn.wulandari", evaluators: []string{"Dewi Wulandari"}},
			pmpzi(0, 1, 0.92, draft, "pic.magelang", "Tim Kerja ZI Kankemenag Magelang"),
		}},
	{"kankemenag-minahasa-tenggara", "Kantor Kemenag Kabupaten Minahasa Tenggara", model.Kankemenag, "Sulawesi Utara",
		"Kabupaten Minahasa Tenggara", "Drs. Abdul Rahman Lamato, M.Si.", model.WBK, []demoEval{
			tpi(1, 1, 0.42, 0.3, final, "tpi.fajar, tpi.lina, tpi.sri (ketua), tpi.endang (pengendali)"),
			pmpzi(0, 1, 0.72, final, "pic.mitra", "Tim Kerja ZI Kankemenag Minahasa Tenggara"),
			tpi(0, 0.55, 0.72, 0.3, draft, "tpi.fajar, tpi.lina, tpi.sri (ketua), tpi.endang (pengendali)").then(turnReturned),
		}},
	{"kankemenag-sinjai", "Kantor Kemenag Kabupaten Sinjai", model.Kankemenag, "Sulawesi Selatan", "Kabupaten Sinjai",
		"H. Muhammad Arsyad, S.Ag., M.H.", model.WBK, []demoEval{
			tpi(2, 1, 0.58, 0.3, final, "tpi.rahmat, tpi.hendra (ketua), tpi.bambang (pengendali)"),
			tpi(1, 1, 0.72, 0.25, final, "tpi.rahmat, tpi.aisyah, tpi.hendra (ketua), tpi.bambang (pengendali)"),
			pmpzi(0, 1, 0.9, final, "pic.sinjai", "Tim Kerja ZI Kankemenag Sinjai"),
			tpi(0, 1, 0.9, 0.2, reviewed, "tpi.rahmat, tpi.aisyah, tpi.hendra (ketua), tpi.bambang (pengendali)").then(turnReopened),
		}},
	{"kanwil-kalimantan-tengah", "Kanwil Kemenag Provinsi Kalimantan Tengah", model.Kanwil, "Kalimantan Tengah",
		"Kota Palangka Raya", "Dr. H. Nur Hadi, M.Ag.", model.WBK, []demoEval{
			tpi(2, 1, 0.35, 0.3, final, "tpi.fajar, tpi.yusuf (ketua), tpi.endang (pengendali)"),
			tpi(1, 1, 0.48, 0.3, final, "tpi.fajar, tpi.yusuf (ketua), tpi.endang (pengendali)"),
			pmpzi(0, 1, 0.8, final, "pic.kalteng", "Tim Kerja ZI Kanwil Kalimantan Tengah"),
			tpi(0, 0.8, 0.8, 0.25, submitted, "tpi.fajar, tpi.yusuf (ketua), tpi.endang (pengendali)"),
		}},
	{"kanwil-bengkulu", "Kanwil Kemenag Provinsi Bengkulu", model.Kanwil, "Bengkulu", "Kota Bengkulu",
		"H. Syamsul Bahri, S.Ag., M.M.", model.WBK, []demoEval{
			pmpzi(1, 0.4, 0.6, final, "pic.bengkulu", "Tim Kerja ZI Kanwil Bengkulu"),
			tpi(1, 1, 0.55, 0.3, final, "tpi.indah, tpi.yusuf (ketua), tpi.endang (pengendali)"),
			pmpzi(0, 0.6, 0.75, draft, "pic.bengkulu", "Tim Kerja ZI Kanwil Bengkulu"),
		}},
	{"kua-mertoyudan", "KUA Kecamatan Mertoyudan", model.KUA, "Jawa Tengah", "Kabupaten Magelang",
		"Ahmad Zaini, S.H.I.", model.WBK, []demoEval{
			tpi(1, 1, 0.42, 0.3, final, "tpi.wahyu, tpi.sri (ketua), tpi.endang (pengendali)"),
			pmpzi(0, 1, 0.78, final, "pic.mertoyudan", "Ahmad Zaini"),
			tpi(0, 0.35, 0.78, 0.35, draft, "tpi.wahyu, tpi.sri (ketua), tpi.endang (pengendali)"),
		}},
	{"kua-sinjai-utara", "KUA Kecamatan Sinjai Utara", model.KUA, "Sulawesi Selatan", "Kabupaten Sinjai",
		"Muh. Ilham, S.Ag.", model.WBK, []demoEval{
			pmpzi(1, 0.15, 0.55, final, "pic.sinjaiutara", "Muh. Ilham"),
			tpi(1, 1, 0.5, 0.3, final, "tpi.rizky, tpi.sri (ketua), tpi.bambang (pengendali)"),
			pmpzi(0, 0.3, 0.7, draft, "pic.sinjaiutara", "Muh. Ilham"),
		}},
	{"kua-tombatu", "KUA Kecamatan Tombatu", model.KUA, "Sulawesi Utara", "Kabupaten Minahasa Tenggara",
		"Rizal Mokoginta, S.H.I.", model.WBK, []demoEval{
			pmpzi(0, 0.1, 0.6, draft, "pic.tombatu", "Rizal Mokoginta"),
		}},
	{"man-1-magelang", "MAN 1 Magelang", model.Madrasah, "Jawa Tengah", "Kabupaten Magelang",
		"Drs. H. Sholeh Hidayat, M.Pd.", model.WBK, []demoEval{
			tpi(1, 1, 0.66, 0.25, final, "tpi.wahyu, tpi.aisyah, tpi.hendra (ketua), tpi.bambang (pengendali)"),
			pmpzi(0, 1, 0.82, final, "pic.man1magelang", "Tim ZI MAN 1 Magelang"),
			tpi(0, 1, 0.82, 0.18, final, "tpi.wahyu, tpi.aisyah, tpi.hendra (ketua), tpi.bambang (pengendali)"),
		}},
	{"mtsn-1-sinjai", "MTsN 1 Sinjai", model.Madrasah, "Sulawesi Selatan", "Kabupaten Sinjai",
		"Hj. Andi Nurhayati, S.Pd., M.Pd.", model.WBK, []demoEval{
			tpi(1, 1, 0.55, 0.3, final, "tpi.indah, tpi.rizky, tpi.yusuf (ketua), tpi.bambang (pengendali)"),
			pmpzi(0, 1, 0.74, final, "pic.mtsn1sinjai", "Tim ZI MTsN 1 Sinjai"),
			tpi(0, 1, 0.74, 0.22, reviewed, "tpi.indah, tpi.rizky, tpi.yusuf (ketua), tpi.bambang (pengendali)"),
		}},
	{"min-1-kota-bengkulu", "MIN 1 Kota Bengkulu", model.Madrasah, "Bengkulu", "Kota Bengkulu",
		"Siti Rohmah, S.Pd.I.", model.WBK, []demoEval{
			pmpzi(1, 0.3, 0.55, final, "pic.min1bengkulu", "Siti Rohmah"),
			tpi(1, 1, 0.5, 0.3, final, "tpi.indah, tpi.yusuf (ketua), tpi.endang (pengendali)"),
			pmpzi(0, 0.45, 0.65, draft, "pic.min1bengkulu", "Siti Rohmah"),
		}},
	{"man-kota-palangka-raya", "MAN Kota Palangka Raya", model.Madrasah, "Kalimantan Tengah", "Kota Palangka Raya",
		"H. Basri Ramli, S.Ag.", model.WBK, nil},
	{"uin-fatmawati-sukarno-bengkulu", "UIN Fatmawati Sukarno Bengkulu", model.PTKN, "Bengkulu", "Kota Bengkulu",
		"Prof. Dr. H. Zulkarnain, M.Ag.", model.WBK, []demoEval{
			pmpzi(1, 0.7, 0.7, final, "pic.uinfas", "Tim ZI UIN Fatmawati Sukarno"),
			tpi(1, 1, 0.6, 0.3, final, "tpi.lina, tpi.rizky, tpi.sri (ketua), tpi.bambang (pengendali)"),
			pmpzi(0, 0.85, 0.8, draft, "pic.uinfas", "Tim ZI UIN Fatmawati Sukarno"),
		}},
}

// Why a ketua changes an anggota's answer: down, then up.
var (
	demoKetuaDown = []string{
		"Dikoreksi ketua tim: eviden baru berupa rencana kegiatan, belum bukti pelaksanaan.",
		"Dikoreksi ketua tim: SK tim tidak memuat uraian tugas dan target.",
		"Dikoreksi ketua tim: laporan monev tidak ditandatangani pimpinan satker.",
		"Dikoreksi ketua tim: bukti hanya mencakup sebagian unit kerja.",
	}
	demoKetuaUp = []string{
		"Dinaikkan ketua tim: eviden tambahan (notulen dan daftar hadir) sudah diterima.",
		"Dinaikkan ketua tim: laporan triwulan III melengkapi bukti pelaksanaan.",
	}
	demoPengendaliDown = []string{
		"Koreksi pengendali teknis: eviden tidak relevan dengan pertanyaan.",
		"Koreksi pengendali teknis: nilai diselaraskan dengan satker sejenis yang sudah direviu.",
	}
	demoPengendaliUp = []string{
		"Koreksi pengendali teknis: bukti pelaksanaan sudah diverifikasi saat kunjungan.",
	}
)

// Why a step goes back.
const (
	demoReturnCarried = "Jawaban yang dibawa dari TPI %d belum semua dikonfirmasi; periksa dan konfirmasi dulu sebelum diajukan."
	demoReturnPlain   = "Eviden sebagian pertanyaan belum diperiksa; lengkapi dulu sebelum diajukan."
	demoReopen        = "Satker menyampaikan eviden pengganti yang sah sesudah penetapan; jawaban terkait perlu ditinjau ulang."
	demoReopenNote    = "Dinaikkan pengendali teknis sesudah evaluasi dibuka kembali: eviden pengganti sudah diperiksa dan sah."
)

// Notes an evaluator writes when marking an answer down.
var demoFindings = []string{
	"Eviden belum mendukung: SK tim belum ditandatangani pimpinan.",
	"Monitoring dan evaluasi baru dilakukan satu kali, belum berkala.",
	"Belum ada bukti sosialisasi kepada seluruh pegawai.",
	"Laporan tidak memuat tindak lanjut atas hasil evaluasi.",
	"Foto kegiatan tanpa notulen dan daftar hadir.",
	"Dokumen yang diunggah untuk tahun sebelumnya.",
	"Inovasi belum dirasakan manfaatnya oleh pengguna layanan.",
}

// Notes a satker writes about its own answers.
var demoClaims = []string{
	"Data dukung diunggah lengkap di folder eviden.",
	"Kegiatan dilaksanakan setiap triwulan.",
	"Dilaksanakan bersama agen perubahan.",
	"SK ditetapkan awal tahun.",
}

var demoProvinces = []string{
	"Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
	"Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Banten", "Jawa Barat", "Jawa Tengah",
	"DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
	"Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
	"Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
	"Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
}

// demoRekRound plans the recommendations of one satker's round: the
// evaluator who writes them (empty: who answered the round's TPI) and
// where each one ends up. They are drawn from the round's TPI, else its
// latest stage.
type demoRekRound struct {
	satker   string
	yearsAgo int
	by       string
	outcomes []demoRekOutcome
}

type demoRekOutcome struct {
	status   model.RekStatus
	due      int  // days from now; negative: already past. At least a week after it is given.
	reopened bool // dikerjakan: once selesai, sent back because the evidence fell short
}

// The named satkers' recommendations: every status, overdue and not, and
// Magelang's open ones from last year's round for the new round to check.
var demoRekRounds = []demoRekRound{
	{"kankemenag-magelang", 1, "tpi.rahmat", []demoRekOutcome{
		{model.RekDiverifikasi, -200, false}, {model.RekDikerjakan, -90, true}, {model.RekBaru, -60, false},
		{model.RekSelesai, -30, false}, {model.RekDitolak, -150, false},
	}},
	{"kankemenag-minahasa-tenggara", 0, "tpi.fajar", []demoRekOutcome{
		{model.RekBaru, 30, false}, {model.RekBaru, -3, false}, {model.RekDikerjakan, 45, false}, {model.RekBaru, 60, false},
	}},
	{"kankemenag-sinjai", 0, "tpi.rahmat", []demoRekOutcome{
		{model.RekSelesai, 20, false}, {model.RekDiverifikasi, 10, false}, {model.RekDikerjakan, -2, false}, {model.RekBaru, 40, false},
	}},
	{"kanwil-kalimantan-tengah", 0, "tpi.fajar", []demoRekOutcome{
		{model.RekBaru, 30, false}, {model.RekDikerjakan, -4, false}, {model.RekDitolak, 30, false}, {model.RekBaru, 60, false},
	}},
	{"kua-mertoyudan", 0, "tpi.wahyu", []demoRekOutcome{{model.RekBaru, 21, false}, {model.RekBaru, 45, false}}},
	{"man-1-magelang", 0, "tpi.wahyu", []demoRekOutcome{
		{model.RekDiverifikasi, -1, false}, {model.RekSelesai, 14, false}, {model.RekDikerjakan, -5, false},
	}},
	// Self-assessments still in progress, with the advice of a mentor.
	{"kanwil-bengkulu", 0, "pendamping.itjen", []demoRekOutcome{{model.RekBaru, 30, false}, {model.RekDikerjakan, 45, false}}},
	{"uin-fatmawati-sukarno-bengkulu", 0, "pendamping.itjen", []demoRekOutcome{{model.RekBaru, 60, false}}},
}

// What a satker reports doing about a recommendation.
var demoFollowUps = []string{
	"SK Tim Kerja ZI sudah direvisi dan ditandatangani kepala kantor.",
	"Monitoring dan evaluasi dijadwalkan setiap triwulan; laporan triwulan pertama sudah disusun.",
	"Sosialisasi kepada seluruh pegawai dilaksanakan saat apel pagi, dengan notulen dan daftar hadir.",
	"Rapat tindak lanjut hasil evaluasi dilaksanakan bersama agen perubahan.",
	"Survei kepuasan layanan diulang dengan 120 responden; hasilnya dipajang di ruang layanan.",
	"Data dukung tahun berjalan sudah diunggah ke folder eviden.",
	"Standar pelayanan direviu dan dimaklumatkan kembali di ruang pelayanan.",
}

// Why an evaluator rejects a recommendation.
var demoRejections = []string{
	"Sudah tercakup dalam rekomendasi lain pada area yang sama.",
	"Setelah verifikasi ulang, data dukung ternyata sudah lengkap sejak awal.",
}

// Why an evaluator sends finished work back.
var demoSendBacks = []string{
	"bukti belum cukup: laporan tanpa tanda tangan pimpinan",
	"bukti belum cukup: kegiatan baru direncanakan, belum dilaksanakan",
}
